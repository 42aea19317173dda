using System.Net;
using System.Net.Http.Json;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Demo;
using CustomerService.Web.Features.Settings.ApiKeys;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Integration;

/// <summary>What the integration API tests share: keys made through the settings service, clients that send them, problem checks.</summary>
internal static class IntegrationApiTestKit
{
    public const string ProblemJson = "application/problem+json";

    /// <summary>Creates a key as the demo admin through <see cref="ApiKeyService"/>; returns its id and secret.</summary>
    public static async Task<CreatedApiKey> CreateKeyAsync(AppFactory app, string? name = null)
    {
        var adminId = await app.AccountIdAsync("admin");
        await using var scope = app.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(name ?? "test-" + Guid.NewGuid().ToString("N")[..8], adminId);
        return created.Value ?? throw new InvalidOperationException($"Could not create a key: {created.Violation}");
    }

    public static async Task RevokeAsync(AppFactory app, int keyId)
    {
        await using var scope = app.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().RevokeAsync(keyId);
        Assert.True(outcome.Succeeded, outcome.Violation?.ToString());
    }

    /// <summary>A client that sends <paramref name="key"/> as <c>X-Api-Key</c> (none when null) and never follows redirects.</summary>
    public static HttpClient Client(AppFactory app, string? key = DemoSeeder.ApiKey, string? language = null)
    {
        var client = app.CreateCookieClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        if (language is not null)
        {
            client.DefaultRequestHeaders.Add("Accept-Language", language);
        }

        return client;
    }

    public static async Task<ProblemDetails> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<ProblemDetails>())!;
    }

    public static async Task<HttpValidationProblemDetails> AssertValidationProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>())!;
        Assert.Equal(StatusCodes.Status400BadRequest, problem.Status);
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail));
        return problem;
    }
}
