using System.Security.Cryptography;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Organisation;
using CustomerService.Domain.Orders;
using CustomerService.Domain.Reporting;
using CustomerService.Domain.Routing;
using CustomerService.Domain.Visitors;
using CustomerService.Tests.Infrastructure;

namespace CustomerService.Tests.Features.Records;

/// <summary>
/// A past consultation with everything 互动记录 searches on (SPEC G2), written through the domain's own methods:
/// <code>
/// var id = await new RecordConversationBuilder(at).ServedBy(sales1).Answered().Says("我要退款").FromIp("203.0.113.7").SaveAsync(db);
/// </code>
/// Each conversation gets a new visitor unless <see cref="ForVisitor"/> names one. Ids are far above the other builders'.
/// </summary>
public sealed class RecordConversationBuilder(DateTime requestedAtUtc)
{
    private static long _sequence = 5_000_000;

    private readonly DateTime _requestedAt = DateTime.SpecifyKind(requestedAtUtc, DateTimeKind.Utc);
    private readonly List<int> _invited = [];
    private readonly List<string> _visitorWords = [];
    private int? _agentId;
    private bool _visitorSpoke;
    private bool _agentSpoke;
    private EvaluationLevel? _rating;
    private bool? _solved;
    private int? _summaryTypeId;
    private bool _vip;
    private string? _ip;
    private string? _userId;
    private string? _visitorName;
    private long? _visitorId;
    private int _receptionGroupId = 1;
    private (KeyPageType? Type, Terminal Terminal, string? Region, TrafficSource Source)? _startPage;
    private TimeSpan? _orderAfter;

    public RecordConversationBuilder ServedBy(int agentId)
    {
        _agentId = agentId;
        return this;
    }

    public RecordConversationBuilder Inviting(int agentId)
    {
        _invited.Add(agentId);
        return this;
    }

    /// <summary>The visitor and the agent both speak: a valid consultation.</summary>
    public RecordConversationBuilder Answered()
    {
        _visitorSpoke = _agentSpoke = true;
        return this;
    }

    /// <summary>Only the visitor speaks: an invalid consultation.</summary>
    public RecordConversationBuilder Unanswered()
    {
        _visitorSpoke = true;
        return this;
    }

    public RecordConversationBuilder Says(string text)
    {
        _visitorWords.Add(text);
        return this;
    }

    /// <param name="solved">问题是否解决 as the visitor answered it with the rating; none when he did not.</param>
    public RecordConversationBuilder RatedAs(EvaluationLevel level, bool? solved = null)
    {
        (_rating, _solved) = (level, solved);
        return this;
    }

    public RecordConversationBuilder SummarizedAs(int typeId)
    {
        _summaryTypeId = typeId;
        return this;
    }

    public RecordConversationBuilder Vip()
    {
        _vip = true;
        return this;
    }

    public RecordConversationBuilder FromIp(string ip)
    {
        _ip = ip;
        return this;
    }

    public RecordConversationBuilder ForUser(string userId)
    {
        _userId = userId;
        return this;
    }

    public RecordConversationBuilder Named(string name)
    {
        _visitorName = name;
        return this;
    }

    public RecordConversationBuilder ForVisitor(long visitorId)
    {
        _visitorId = visitorId;
        return this;
    }

    public RecordConversationBuilder InReceptionGroup(int receptionGroupId)
    {
        _receptionGroupId = receptionGroupId;
        return this;
    }

    /// <summary>Started from a page the widget reported just before the request, with what the server derived from it.</summary>
    public RecordConversationBuilder StartedOn(KeyPageType? type, Terminal terminal = Terminal.PC, string? region = null, TrafficSource? source = null)
    {
        _startPage = (type, terminal, region, source ?? new TrafficSource(TrafficSourceKind.Direct));
        return this;
    }

    /// <summary>The signed user placed an order this long after the request (a 咨询订单 when it falls in the window).</summary>
    public RecordConversationBuilder OrderPlacedAfter(TimeSpan delay)
    {
        _orderAfter = delay;
        return this;
    }

    /// <summary>Writes the conversation (and its visitor, start page view and order) and returns its id.</summary>
    public async Task<long> SaveAsync(TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var db = database.NewContext();
        var visitorId = _visitorId;
        if (visitorId is null)
        {
            var visitor = new Visitor(Convert.ToHexString(RandomNumberGenerator.GetBytes(32)), _requestedAt);
            if (_userId is not null || _visitorName is not null)
            {
                visitor.Identify(_userId, _visitorName, _vip);
            }

            db.Visitors.Add(visitor);
            await db.SaveChangesAsync();
            visitorId = visitor.Id;
        }

        var id = Interlocked.Increment(ref _sequence);
        var url = $"https://shop.example/p/{id}";
        var conversation = new Conversation(id, visitorId.Value, entryId: 1, _receptionGroupId, _vip, _requestedAt,
            new StartContext(PageUrl: url, VisitorIp: _ip));
        if (_startPage is { } page)
        {
            db.PageViews.Add(new PageView(visitorId.Value, url, "page", null, _requestedAt.AddSeconds(-5), page.Source, page.Type,
                new UserAgentInfo(BrowserKind.Chrome, null, OperatingSystemKind.Windows, page.Terminal), page.Region, _ip));
        }

        var at = _requestedAt;
        if (_agentId is { } agentId)
        {
            conversation.Assign(agentId, AssignmentReason.RoundRobin, at = at.AddSeconds(1));
            foreach (var invited in _invited)
            {
                db.Participants.Add(new ConversationParticipant(id, invited, ParticipantRole.Invited, at.AddSeconds(2)));
            }

            if (_visitorSpoke)
            {
                foreach (var text in _visitorWords.DefaultIfEmpty("你好"))
                {
                    Say(db, conversation, MessageSender.Visitor, null, text, at = at.AddSeconds(5));
                }
            }

            if (_agentSpoke)
            {
                Say(db, conversation, MessageSender.Agent, agentId, "您好，请问有什么可以帮您？", at = at.AddSeconds(5));
            }

            if (_rating is { } level)
            {
                var rated = conversation.Rate(level, null, new EvaluationSettings(true, 0, false), _solved);
                if (rated.Violation is { } violation)
                {
                    throw new InvalidOperationException($"Could not rate: {violation}");
                }
            }

            if (_summaryTypeId is { } typeId)
            {
                conversation.Summarize(new ConsultationSummary(typeId, null), agentId, at);
            }

            conversation.End(EndReason.Agent, agentId, at.AddSeconds(30));
        }

        db.Conversations.Add(conversation);
        if (_orderAfter is { } delay && _userId is not null)
        {
            var placedAt = _requestedAt + delay;
            var order = Order.Place($"SO-{id}", new OrderInput($"SO-{id}", _userId, 100m, placedAt, null, null), placedAt);
            var inWindow = delay > TimeSpan.Zero && delay <= OrderAttribution.DefaultWindow;
            order.Attribute(inWindow
                ? new OrderAttributionResult(OrderType.AfterConsultation, id, _agentId, [], _requestedAt)
                : OrderAttributionResult.None, _receptionGroupId);
            db.Orders.Add(order);
        }

        await db.SaveChangesAsync();
        return id;
    }

    private static void Say(global::CustomerService.Data.CustomerServiceDbContext db, Conversation conversation, MessageSender sender, int? agentId, string text, DateTime at)
    {
        var (seq, _) = conversation.RecordMessage(sender, MessageKind.Text, at);
        db.Messages.Add(new ChatMessage(conversation.Id * 100 + seq, conversation.Id, seq, sender, agentId,
            agentId is null ? null : "客服", MessageKind.Text, text, at));
    }
}
