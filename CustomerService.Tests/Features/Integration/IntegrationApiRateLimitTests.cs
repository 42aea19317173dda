using System.Net;
using CustomerService.Tests.Infrastructure;
using static CustomerService.Tests.Features.Integration.IntegrationApiTestKit;

namespace CustomerService.Tests.Features.Integration;

/// <summary>The app with a per-key limit of three requests a minute.</summary>
public sealed class LowApiRateLimitAppFactory() : AppFactory(new Dictionary<string, string?> { ["IntegrationApi:RequestsPerMinute"] = "3" });

/// <summary>SPEC L: the integration API is rate limited per key: 429 problem with <c>Retry-After</c>, other keys unaffected.</summary>
public sealed class IntegrationApiRateLimitTests(LowApiRateLimitAppFactory app) : IClassFixture<LowApiRateLimitAppFactory>
{
    private const string Conversations = "/api/v1/conversations?from=2025-03-01&to=2025-03-31";

    [Fact]
    public async Task A_key_over_its_limit_gets_429_with_retry_after_while_another_key_goes_on()
    {
        var busy = await CreateKeyAsync(app);
        var other = await CreateKeyAsync(app);
        using var busyClient = Client(app, busy.Secret);
        using var otherClient = Client(app, other.Secret);

        var allowed = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await busyClient.GetAsync(Conversations);
            allowed.Add(response.StatusCode);
        }

        using var refused = await busyClient.GetAsync(Conversations);
        using var otherKey = await otherClient.GetAsync(Conversations);

        Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK }, allowed);
        var problem = await AssertProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal(UiTexts.Chinese("Error.TooManyRequests"), problem.Detail);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
        Assert.Equal(HttpStatusCode.OK, otherKey.StatusCode);
    }
}
