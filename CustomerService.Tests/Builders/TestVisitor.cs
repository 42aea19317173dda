using System.Security.Cryptography;
using CustomerService.Data;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Visitors;
using CustomerService.Web.Features.Conversations.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Builders;

/// <summary>
/// The visitor's side of a conversation, driven straight through the engine (what the visitor HTTP API will call):
/// a stored <see cref="Visitor"/>, his request and his messages. For console tests that need someone to talk to.
/// <code>
/// var visitor = await TestVisitor.StartAsync(app.Services, "presale", name: "张先生");
/// await visitor.SayAsync("你好");
/// </code>
/// </summary>
public sealed class TestVisitor
{
    private TestVisitor(ConversationEngine engine, long visitorId, StartResult start)
    {
        Engine = engine;
        VisitorId = visitorId;
        Start = start;
    }

    public ConversationEngine Engine { get; }

    public long VisitorId { get; }

    public StartResult Start { get; }

    public long ConversationId => Start.Conversation?.Id ?? throw new InvalidOperationException($"The request ended as {Start.Outcome}.");

    /// <summary>The agent the engine assigned, or null when the visitor was queued.</summary>
    public int? AgentId => Start.Conversation?.AgentId;

    /// <summary>Stores a visitor (anonymous unless named) in the app's database.</summary>
    public static async Task<long> AddAsync(IServiceProvider services, string? name = null, bool vip = false)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerServiceDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var visitor = new Visitor(Convert.ToHexString(RandomNumberGenerator.GetBytes(32)), clock.GetUtcNow().UtcDateTime);
        if (name is not null || vip)
        {
            visitor.Identify(null, name, vip);
        }

        db.Visitors.Add(visitor);
        await db.SaveChangesAsync();
        return visitor.Id;
    }

    /// <summary>A new visitor asks through <paramref name="entryCode"/> (from a product page, with an IP).</summary>
    public static async Task<TestVisitor> StartAsync(IServiceProvider services, string entryCode = "presale", string? name = null, bool vip = false)
    {
        var engine = services.GetRequiredService<ConversationEngine>();
        var visitorId = await AddAsync(services, name, vip);
        var start = await engine.StartAsync(new StartRequest(visitorId, entryCode, Context: new StartContext(
            "https://shop.example.com/demo/shop/product", "蓝色条纹衬衫 - 演示商城", "https://www.baidu.com/s?wd=衬衫", "203.0.113.7")));
        return new TestVisitor(engine, visitorId, start);
    }

    public Task<MessageView> SayAsync(string text) =>
        Engine.AppendVisitorMessageAsync(VisitorId, ConversationId, Guid.NewGuid().ToString("N"), text);

    public void Types(string text) => Engine.PreviewTyping(VisitorId, ConversationId, text);

    public Task<ConversationView> LeaveAsync() => Engine.CloseByVisitorAsync(VisitorId, ConversationId);
}
