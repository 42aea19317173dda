using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace CustomerService.Web.Features.Visitors.Widget;

/// <summary>
/// <c>GET /widget.js</c>, the one script merchants embed (SPEC E1), assembled from the parts in <c>wwwroot/widget/</c>
/// (ADR 023): each part is one concern of the widget, and the merchant's snippet must stay one classic
/// <c>&lt;script src&gt;</c> that a cross-origin page can load without CORS, so the parts are joined here, in this order,
/// inside one function — their declarations share a private scope and only <c>window.CustomerService</c> reaches the page.
/// Joined once per process (a deployment restarts it) and served like the other plain-named assets: <c>no-cache</c>
/// with an ETag, so browsers revalidate and pick a new version up at once.
/// </summary>
public sealed class WidgetScript
{
    /// <summary>The parts, in the order they run: shared settings first, the start last.</summary>
    public static readonly IReadOnlyList<string> Parts = ["core.js", "panel.js", "identity.js", "invitation.js", "main.js"];

    private const string Folder = "widget";

    private readonly Lazy<(byte[] Body, EntityTagHeaderValue ETag)> _assembled;

    public WidgetScript(IFileProvider webRoot) =>
        _assembled = new(() => Assemble(webRoot), LazyThreadSafetyMode.ExecutionAndPublication);

    public IResult Serve(HttpContext http)
    {
        var (body, etag) = _assembled.Value;
        var headers = http.Response.GetTypedHeaders();
        headers.ETag = etag;
        headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
        var ifNoneMatch = http.Request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch.Any(candidate => candidate.Compare(etag, useStrongComparison: false)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(body, "text/javascript; charset=utf-8");
    }

    private static (byte[] Body, EntityTagHeaderValue ETag) Assemble(IFileProvider webRoot)
    {
        var script = new StringBuilder()
            .Append("/* CustomerService visitor widget: the parts of /widget/ joined in one scope (ADR 023). */\n")
            .Append("(function () {\n\"use strict\";\n");
        foreach (var part in Parts)
        {
            var file = webRoot.GetFileInfo($"{Folder}/{part}");
            if (!file.Exists)
            {
                // A missing part is a broken deployment: fail loudly rather than serve a widget without it.
                throw new FileNotFoundException($"The widget part wwwroot/{Folder}/{part} is missing.", part);
            }

            using var reader = new StreamReader(file.CreateReadStream(), Encoding.UTF8);
            script.Append("\n/* ").Append(part).Append(" */\n").Append(reader.ReadToEnd()).Append('\n');
        }

        script.Append("\nboot();\n})();\n");
        var body = Encoding.UTF8.GetBytes(script.ToString());
        var hash = Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16));
        return (body, new EntityTagHeaderValue($"\"{hash}\""));
    }
}

public static class WidgetScriptEndpoint
{
    public static IEndpointRouteBuilder MapWidgetScript(this IEndpointRouteBuilder app)
    {
        var script = new WidgetScript(app.ServiceProvider.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider);
        app.MapMethods("/widget.js", [HttpMethods.Get, HttpMethods.Head], script.Serve).AllowAnonymous();
        return app;
    }
}
