using System.Net;
using CustomerService.Data;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CustomerService.Tests.Features.Integration.IntegrationApiTestKit;

namespace CustomerService.Tests.Features.Integration;

/// <summary>
/// SPEC L, N4, M: every <c>/api/v1</c> call needs an active <c>X-Api-Key</c>; anything else is a 401 problem with a
/// challenge, never the login page.
/// </summary>
public sealed class IntegrationApiAuthenticationTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Conversations = "/api/v1/conversations?from=2025-03-01&to=2025-03-31";

    [Fact]
    public async Task A_call_without_a_key_is_401_with_a_challenge_and_a_problem_not_a_login_redirect()
    {
        using var client = Client(app, key: null);

        using var response = await client.GetAsync(Conversations);

        var problem = await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(UiTexts.Chinese("Error.ApiKeyHeaderMissing"), problem.Detail);
        Assert.Equal("ApiKey header=\"X-Api-Key\"", response.Headers.WwwAuthenticate.ToString());
        Assert.Null(response.Headers.Location);
    }

    [Theory]
    [InlineData("cs_live_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("demo-api-key-0123456780")]
    [InlineData("short")]
    public async Task A_call_with_an_unknown_key_is_401(string key)
    {
        using var client = Client(app, key);

        using var response = await client.GetAsync(Conversations);

        var problem = await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(UiTexts.Chinese("Error.ApiKeyInvalid"), problem.Detail);
        Assert.NotEmpty(response.Headers.WwwAuthenticate);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_from_the_next_call_on()
    {
        var key = await CreateKeyAsync(app);
        using var client = Client(app, key.Secret);

        using var before = await client.GetAsync(Conversations);
        await RevokeAsync(app, key.Id);
        using var after = await client.GetAsync(Conversations);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        var problem = await AssertProblemAsync(after, HttpStatusCode.Unauthorized);
        Assert.Equal(UiTexts.Chinese("Error.ApiKeyInvalid"), problem.Detail);
    }

    [Fact]
    public async Task A_signed_in_admin_is_not_an_api_caller()
    {
        using var admin = await app.SignInAsync("admin");

        using var response = await admin.GetAsync(Conversations);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_demo_key_reads_conversations()
    {
        using var client = Client(app, DemoSeeder.ApiKey);

        using var response = await client.GetAsync(Conversations);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_demo_data_has_the_hashed_demo_key_and_the_fixed_entry_secrets()
    {
        await using var scope = app.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerServiceDbContext>();

        var demoKey = await db.ApiKeys.SingleAsync(k => k.Prefix == "demo-api-key");
        var secrets = await db.ConsultationEntries.OrderBy(e => e.Code).Select(e => e.Code + ":" + e.Secret).ToListAsync();

        Assert.Equal("1cad2248e8fecd0a5a5f693d28225ed3c8d0acf2fce3284800bf2c31a8a1947c", demoKey.SecretHash);
        Assert.Equal("演示密钥", demoKey.Name);
        Assert.Equal(new[] { "aftersale:demo-secret-aftersale", "presale:demo-secret-presale" }, secrets);
    }

    [Fact]
    public async Task A_call_stamps_the_key_as_used()
    {
        var key = await CreateKeyAsync(app);
        using var client = Client(app, key.Secret);

        using var response = await client.GetAsync(Conversations);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var scope = app.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerServiceDbContext>();
        Assert.NotNull(await db.ApiKeys.Where(k => k.Id == key.Id).Select(k => k.LastUsedAt).SingleAsync());
    }

    [Fact]
    public async Task A_malformed_json_body_is_a_400_problem_not_a_500()
    {
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/api/visitor/sessions", new StringContent("{\"entry\": ", System.Text.Encoding.UTF8, "application/json"));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(UiTexts.Chinese("Error.RequestMalformed"), problem.Detail);
    }
}
