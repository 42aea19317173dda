using CustomerService.Domain.Conversations;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Conversations.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Visitors.Api;

/// <summary>SPEC D3: the visitor API tells the engine's queue sweep that a visitor is still there (requests, open stream).</summary>
public sealed class VisitorLivenessTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private static readonly DateTime FarFuture = new(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private ConversationEngine Engine => app.Services.GetRequiredService<ConversationEngine>();

    private VisitorLiveness Liveness => app.Services.GetRequiredService<VisitorLiveness>();

    public async Task InitializeAsync()
    {
        var id = await app.AccountIdAsync("sales1");
        await Engine.AgentConnectedAsync(id);
        await Engine.SetStatusAsync(id, AgentStatus.Online);
    }

    public async Task DisposeAsync()
    {
        var admin = await app.AccountIdAsync("admin");
        foreach (var open in await Engine.GetOpenConversationsAsync())
        {
            await Engine.EndByAgentAsync(admin, open.Id);
        }
    }

    [Fact]
    public async Task A_visitors_request_on_his_conversation_is_a_sign_of_life()
    {
        var visitor = new VisitorApiClient(app.CreateClient());
        await visitor.StartAsync();
        Assert.Null(Liveness.LastSignOfLife(visitor.ConversationId, FarFuture));

        using var response = await visitor.SendAsync(HttpMethod.Get, $"/api/visitor/conversations/{visitor.ConversationId}");

        response.EnsureSuccessStatusCode();
        var seen = Liveness.LastSignOfLife(visitor.ConversationId, FarFuture);
        Assert.NotNull(seen);
        Assert.NotEqual(FarFuture, seen);
    }

    [Fact]
    public async Task A_visitor_is_alive_while_his_event_stream_is_open()
    {
        var visitor = new VisitorApiClient(app.CreateClient());
        await visitor.StartAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using var stream = await visitor.OpenEventsAsync();
        var reader = new SseReader(await stream.Content.ReadAsStreamAsync(timeout.Token));
        await reader.NextAsync(timeout.Token);

        Assert.Equal(FarFuture, Liveness.LastSignOfLife(visitor.ConversationId, FarFuture));
    }
}
