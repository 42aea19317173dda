using System.Security.Cryptography;
using CustomerService.Data;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Routing;
using CustomerService.Domain.Visitors;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Builders;

/// <summary>
/// A request that waited in a reception group's queue at a chosen time and left it one way (SPEC I0 Queue: served, left
/// a message, abandoned), written through the domain's own methods like <see cref="PastConversationBuilder"/>:
/// <code>
/// var stored = await new QueuedRequestBuilder().RequestedAt(utc).InGroup(presale).Abandoned().SaveAsync(app.Services);
/// </code>
/// Waits: served after 30 s, left a message after 20 s, abandoned with the last sign of life 45 s after entering.
/// </summary>
public sealed class QueuedRequestBuilder
{
    private static long _sequence = 8_500_000_000;

    private DateTime _requestedAt = new(2025, 3, 1, 2, 0, 0, DateTimeKind.Utc);
    private int _receptionGroupId = 1;
    private QueueOutcome _outcome = QueueOutcome.Abandoned;
    private int? _agentId;

    public QueuedRequestBuilder RequestedAt(DateTime utc)
    {
        _requestedAt = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        return this;
    }

    public QueuedRequestBuilder InGroup(int receptionGroupId)
    {
        _receptionGroupId = receptionGroupId;
        return this;
    }

    public QueuedRequestBuilder Abandoned()
    {
        _outcome = QueueOutcome.Abandoned;
        return this;
    }

    public QueuedRequestBuilder LeftMessage()
    {
        _outcome = QueueOutcome.LeftMessage;
        return this;
    }

    public QueuedRequestBuilder ServedBy(int agentId)
    {
        (_outcome, _agentId) = (QueueOutcome.Served, agentId);
        return this;
    }

    /// <returns>The conversation's id (its one queue entry is found by it).</returns>
    public async Task<long> SaveAsync(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerServiceDbContext>();
        var visitor = new Visitor(Convert.ToHexString(RandomNumberGenerator.GetBytes(32)), _requestedAt);
        db.Visitors.Add(visitor);
        await db.SaveChangesAsync();

        var id = Interlocked.Increment(ref _sequence);
        var context = new StartContext(PageUrl: "https://shop.example/item/7", PageTitle: "商品页");
        var conversation = new Conversation(id, visitor.Id, entryId: 1, _receptionGroupId, isVip: false, _requestedAt, context);
        conversation.Enqueue(null, id);
        switch (_outcome)
        {
            case QueueOutcome.Served:
                conversation.Assign(_agentId!.Value, AssignmentReason.RoundRobin, _requestedAt.AddSeconds(30));
                conversation.End(EndReason.Agent, _agentId, _requestedAt.AddMinutes(5));
                break;
            case QueueOutcome.LeftMessage:
                conversation.EndWithLeaveMessage(_requestedAt.AddSeconds(20));
                break;
            case QueueOutcome.Abandoned:
                conversation.AbandonQueue(_requestedAt.AddSeconds(45), _requestedAt.AddMinutes(2));
                break;
        }

        db.Conversations.Add(conversation);
        await db.SaveChangesAsync();
        return id;
    }
}
