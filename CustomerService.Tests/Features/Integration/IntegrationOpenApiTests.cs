using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerService.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Integration;

/// <summary>
/// SPEC L, N6: <c>/openapi/v1.json</c> is readable without a key and describes every <c>/api/v1</c> endpoint (and
/// nothing of the visitor API); <c>/api-reference</c> is a browsable page that works offline.
/// </summary>
public sealed partial class IntegrationOpenApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_document_is_readable_without_a_key_and_lists_every_api_v1_endpoint()
    {
        using var client = app.CreateCookieClient();

        using var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");
        var documented = paths.EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}"))
            .ToHashSet();
        var mapped = ApiV1Endpoints();
        Assert.NotEmpty(mapped);
        Assert.Contains("GET /api/v1/conversations", mapped);
        Assert.Contains("GET /api/v1/conversations/{id}/messages", mapped);
        Assert.Subset(documented, mapped);
        Assert.All(documented, operation => Assert.Contains(" /api/v1/", operation, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_operation_has_a_summary_a_description_and_the_api_key_scheme()
    {
        using var client = app.CreateCookieClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var root = document.RootElement;
        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
        Assert.True(root.GetProperty("security")[0].TryGetProperty("ApiKey", out _));
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                Assert.False(string.IsNullOrWhiteSpace(operation.Value.GetProperty("summary").GetString()), $"{operation.Name} {path.Name} has no summary");
                Assert.False(string.IsNullOrWhiteSpace(operation.Value.GetProperty("description").GetString()), $"{operation.Name} {path.Name} has no description");
                if (operation.Value.TryGetProperty("parameters", out var parameters))
                {
                    foreach (var parameter in parameters.EnumerateArray())
                    {
                        Assert.True(parameter.TryGetProperty("description", out _), $"{parameter.GetProperty("name")} of {operation.Name} {path.Name} has no description");
                    }
                }
            }
        }
    }

    [Fact]
    public async Task Response_fields_are_described()
    {
        using var client = app.CreateCookieClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        foreach (var name in new[] { "ConversationPage", "ConversationItem", "Transcript", "TranscriptMessage" })
        {
            foreach (var property in schemas.GetProperty(name).GetProperty("properties").EnumerateObject())
            {
                Assert.True(HasDescription(property.Value), $"{name}.{property.Name} has no description");
            }
        }
    }

    [Fact]
    public async Task The_reference_page_answers_without_a_key_and_loads_its_script_from_the_app_itself()
    {
        using var client = app.CreateCookieClient();

        using var redirect = await client.GetAsync("/api-reference");
        using var page = await client.GetAsync("/api-reference/");
        var html = await page.Content.ReadAsStringAsync();
        var scripts = ScriptSource().Matches(html).Select(match => match.Groups[1].Value).ToList();

        Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
        Assert.Equal("api-reference/", redirect.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(scripts);
        Assert.All(scripts, source => Assert.DoesNotMatch("^(https?:)?//", source));
        foreach (var source in scripts)
        {
            using var script = await client.GetAsync(new Uri(new Uri(app.BaseAddress, "/api-reference/"), source));
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
            Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        }
    }

    /// <summary>A nullable reference is written as <c>oneOf: [null, {$ref, description}]</c>: the description sits in its branch.</summary>
    private static bool HasDescription(JsonElement schema) =>
        schema.TryGetProperty("description", out _)
        || (schema.TryGetProperty("oneOf", out var branches) && branches.EnumerateArray().Any(branch => branch.TryGetProperty("description", out _)));

    /// <summary>Every route the app maps under <c>/api/v1</c>, as “METHOD /path”.</summary>
    private HashSet<string> ApiV1Endpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => ("/" + endpoint.RoutePattern.RawText?.TrimStart('/')).StartsWith("/api/v1/", StringComparison.Ordinal))
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(method => $"{method} /{endpoint.RoutePattern.RawText!.TrimStart('/')}"))
            .ToHashSet();

    [GeneratedRegex("<script[^>]*\\ssrc=\"([^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptSource();
}
