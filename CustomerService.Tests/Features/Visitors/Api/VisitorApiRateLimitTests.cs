using System.Net;
using CustomerService.Domain.Conversations;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Features.Visitors.Api;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Visitors.Api;

public sealed class StrictRateLimitAppFactory() : AppFactory(new Dictionary<string, string?>
{
    ["VisitorApi:PostsPerTokenPerWindow"] = "5",
    ["VisitorApi:Window"] = "00:05:00",
});

public sealed class SessionFloodAppFactory() : AppFactory(new Dictionary<string, string?>
{
    ["VisitorApi:SessionStartsPerIpPerWindow"] = "3",
    ["VisitorApi:SessionStartWindow"] = "00:05:00",
});

/// <summary>SPEC M: session starts from one IP beyond the limit are 429 and take no agent slot.</summary>
public sealed class SessionFloodTests(SessionFloodAppFactory app) : IClassFixture<SessionFloodAppFactory>
{
    [Fact]
    public async Task Session_starts_from_one_address_beyond_the_limit_are_answered_429_and_start_nothing()
    {
        var engine = app.Services.GetRequiredService<ConversationEngine>();
        var agent = await app.AccountIdAsync("sales1");
        await engine.AgentConnectedAsync(agent);
        await engine.SetStatusAsync(agent, AgentStatus.Online);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await new VisitorApiClient(app.CreateClient()).SendAsync(HttpMethod.Post, "/api/visitor/sessions",
                new StartSessionRequest("presale", null, null, null));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 3).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 2)), statuses);
        Assert.Equal(3, (await engine.GetOpenConversationsAsync()).Count);
    }
}

/// <summary>SPEC M / N2: a flood of messages from one visitor is answered 429 and not stored.</summary>
public sealed class VisitorApiRateLimitTests(StrictRateLimitAppFactory app) : IClassFixture<StrictRateLimitAppFactory>
{
    [Fact]
    public async Task A_flood_of_messages_is_answered_429_beyond_the_limit()
    {
        var engine = app.Services.GetRequiredService<ConversationEngine>();
        var agent = await app.AccountIdAsync("sales1");
        await engine.AgentConnectedAsync(agent);
        await engine.SetStatusAsync(agent, AgentStatus.Online);
        var visitor = new VisitorApiClient(app.CreateClient());
        await visitor.StartAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            using var response = await visitor.PostMessageAsync($"刷屏 {i}");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 5).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 3)), statuses);
    }
}
