using System.Net;
using System.Net.Http.Headers;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Visitors.Widget;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Visitors;

/// <summary>
/// ADR 023: the snippet merchants paste stays one <c>&lt;script src=…/widget.js&gt;</c>, served as the parts of
/// wwwroot/widget/ joined in one function, revalidated like every plain-named asset; and no part grows past the house limit.
/// </summary>
public sealed class WidgetScriptTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Widget_js_is_every_part_in_order_inside_one_function_served_as_javascript_that_revalidates()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/widget.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoCache, $"{response.Headers.CacheControl}");
        Assert.NotNull(response.Headers.ETag);
        var script = await response.Content.ReadAsStringAsync();
        Assert.Contains("\n(function () {\n\"use strict\";\n", script, StringComparison.Ordinal);
        Assert.EndsWith("\nboot();\n})();\n", script, StringComparison.Ordinal);
        var positions = new[] { "core.js", "panel.js", "identity.js", "invitation.js", "main.js" }
            .Select(part => script.IndexOf($"/* {part} */", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("function showInvitation(invitation)", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unchanged_widget_is_answered_not_modified()
    {
        using var client = app.CreateClient();
        using var first = await client.GetAsync("/widget.js");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/widget.js");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var again = await client.SendAsync(request);
        using var stale = new HttpRequestMessage(HttpMethod.Get, "/widget.js");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"an-older-version\""));
        using var changed = await client.SendAsync(stale);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
    }

    [Fact]
    public void Every_part_in_the_folder_is_served_and_none_is_over_the_house_limit_of_400_lines()
    {
        var folder = Path.Combine(app.Services.GetRequiredService<IWebHostEnvironment>().WebRootPath, "widget");

        var files = Directory.GetFiles(folder, "*.js").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(WidgetScript.Parts.Order(StringComparer.Ordinal), files);
        Assert.All(files, file => Assert.True(File.ReadAllLines(Path.Combine(folder, file!)).Length <= 400, file));
        Assert.False(File.Exists(Path.Combine(folder, "..", "widget.js")), "a static widget.js would shadow the assembled one");
    }
}
