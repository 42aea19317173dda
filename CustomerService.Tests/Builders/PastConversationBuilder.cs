using System.Security.Cryptography;
using CustomerService.Data;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Routing;
using CustomerService.Domain.Visitors;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Builders;

/// <summary>
/// A conversation that happened at a chosen time, written into a running app's database through the domain's own
/// methods (assign, messages, rating, summary, end) rather than the engine, which only knows “now”. For tests of reads
/// over history such as the integration API (SPEC N4).
/// <code>
/// var stored = await new PastConversationBuilder().RequestedAt(utc).ServedBy(sales1).Answered().SaveAsync(app.Services);
/// </code>
/// Ids are drawn far above anything the engine hands out during a test, so both can write to one database.
/// </summary>
public sealed class PastConversationBuilder
{
    private static long _sequence = 8_000_000_000;

    private DateTime _requestedAt = new(2025, 3, 1, 2, 0, 0, DateTimeKind.Utc);
    private int? _agentId;
    private bool _answered;
    private EvaluationLevel? _rating;
    private string? _ratingComment;
    private bool? _solved;
    private int? _invited;
    private int? _summaryTypeId;
    private string? _userId;
    private bool _open;

    public PastConversationBuilder RequestedAt(DateTime utc)
    {
        _requestedAt = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        return this;
    }

    public PastConversationBuilder ServedBy(int agentId)
    {
        _agentId = agentId;
        return this;
    }

    /// <summary>The visitor says “你好” 10 s after the request and the agent answers 10 s later: a valid consultation.</summary>
    public PastConversationBuilder Answered()
    {
        _answered = true;
        return this;
    }

    /// <param name="solved">问题是否解决 as the visitor answered it with the rating; none when he did not.</param>
    public PastConversationBuilder RatedAs(EvaluationLevel level, string? comment = null, bool? solved = null)
    {
        _rating = level;
        _ratingComment = comment;
        _solved = solved;
        return this;
    }

    /// <summary>The agent invites <paramref name="colleagueId"/>, who joins a minute after the assignment: both took part (SPEC B).</summary>
    public PastConversationBuilder Inviting(int colleagueId)
    {
        _invited = colleagueId;
        return this;
    }

    public PastConversationBuilder SummarizedAs(int consultationTypeId)
    {
        _summaryTypeId = consultationTypeId;
        return this;
    }

    /// <summary>The visitor was signed in on the merchant's site as <paramref name="externalUserId"/> (SPEC E1).</summary>
    public PastConversationBuilder ForUser(string externalUserId)
    {
        _userId = externalUserId;
        return this;
    }

    /// <summary>Still going: not ended.</summary>
    public PastConversationBuilder StillOpen()
    {
        _open = true;
        return this;
    }

    /// <param name="services">The app's services (<c>app.Services</c>); the conversation comes through entry 1 (<c>presale</c> in the demo data).</param>
    public async Task<PastConversation> SaveAsync(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerServiceDbContext>();
        var visitor = new Visitor(Convert.ToHexString(RandomNumberGenerator.GetBytes(32)), _requestedAt);
        if (_userId is not null)
        {
            visitor.Identify(_userId, null, isVip: false);
        }

        db.Visitors.Add(visitor);
        await db.SaveChangesAsync();

        var id = Interlocked.Increment(ref _sequence);
        var conversation = new Conversation(id, visitor.Id, entryId: 1, receptionGroupId: 1, isVip: false, _requestedAt, new StartContext());
        var at = _requestedAt;
        if (_agentId is { } agentId)
        {
            conversation.Assign(agentId, AssignmentReason.RoundRobin, at);
            if (_invited is { } colleague)
            {
                db.Participants.Add(new ConversationParticipant(id, colleague, ParticipantRole.Invited, at.AddMinutes(1)));
            }
            if (_answered)
            {
                Say(db, conversation, MessageSender.Visitor, null, "你好", at = at.AddSeconds(10));
                Say(db, conversation, MessageSender.Agent, agentId, "您好，请问有什么可以帮您？", at = at.AddSeconds(10));
            }
        }

        if (_rating is { } level)
        {
            RuleViolationAssert(conversation.Rate(level, _ratingComment, new EvaluationSettings(true, 0, false), _solved).Violation);
        }

        if (_summaryTypeId is { } typeId)
        {
            conversation.Summarize(new ConsultationSummary(typeId, null), _agentId ?? 1, at);
        }

        if (!_open)
        {
            conversation.End(EndReason.Agent, _agentId, at = at.AddSeconds(40));
        }

        db.Conversations.Add(conversation);
        await db.SaveChangesAsync();
        return new PastConversation(id, visitor.Id, _requestedAt);
    }

    private static void Say(CustomerServiceDbContext db, Conversation conversation, MessageSender sender, int? agentId, string text, DateTime at)
    {
        var (seq, _) = conversation.RecordMessage(sender, MessageKind.Text, at);
        db.Messages.Add(new ChatMessage(conversation.Id * 10 + seq, conversation.Id, seq, sender, agentId, agentId is null ? null : "客服小美",
            MessageKind.Text, text, at));
    }

    private static void RuleViolationAssert(global::CustomerService.Domain.Common.RuleViolation? violation)
    {
        if (violation is not null)
        {
            throw new InvalidOperationException($"The test conversation could not be rated: {violation}");
        }
    }
}

/// <summary>What <see cref="PastConversationBuilder"/> stored.</summary>
public sealed record PastConversation(long Id, long VisitorId, DateTime RequestedAt);
