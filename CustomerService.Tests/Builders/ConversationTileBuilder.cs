using CustomerService.Domain.Conversations;
using CustomerService.Web.Features.Console;
using CustomerService.Web.Features.Conversations.Engine;

namespace CustomerService.Tests.Builders;

/// <summary>
/// A console tile: an active conversation of visitor #id, assigned at <see cref="Start"/>, answered (not waiting) unless
/// the test says <see cref="WaitingSince"/>: <c>new ConversationTileBuilder(7).WaitingSince(TimeSpan.FromMinutes(2)).Build()</c>.
/// </summary>
public sealed class ConversationTileBuilder(long id)
{
    /// <summary>The moment tiles are built against; pass it as the list's <c>Now</c>.</summary>
    public static readonly DateTime Start = new(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);

    private string? _name;
    private bool _vip;
    private DateTime _assignedAt = Start;
    private DateTime? _unansweredSince;
    private ConversationState _state = ConversationState.Active;
    private EndReason? _endReason;
    private DateTime? _endedAt;
    private string? _lastMessage;

    public static ConversationTileBuilder Tile(long id) => new(id);

    public ConversationTileBuilder Named(string name)
    {
        _name = name;
        return this;
    }

    public ConversationTileBuilder Vip()
    {
        _vip = true;
        return this;
    }

    /// <summary>Assigned this long before <see cref="Start"/>.</summary>
    public ConversationTileBuilder AssignedAgo(TimeSpan ago)
    {
        _assignedAt = Start - ago;
        return this;
    }

    /// <summary>The visitor's unanswered message came this long before <see cref="Start"/>.</summary>
    public ConversationTileBuilder WaitingSince(TimeSpan ago)
    {
        _unansweredSince = Start - ago;
        return this;
    }

    public ConversationTileBuilder EndedBy(EndReason reason)
    {
        _state = ConversationState.Ended;
        _endReason = reason;
        _endedAt = Start;
        return this;
    }

    public ConversationTileBuilder Saying(string lastMessage)
    {
        _lastMessage = lastMessage;
        return this;
    }

    public ConversationTile Build() => new(
        id, VisitorId: 1000 + id, _name, _vip, _state, _endReason, ReceptionGroupId: 1, OwnerId: 1,
        [new ParticipantView(1, "客服小美", ParticipantRole.Owner, _assignedAt)], _assignedAt - TimeSpan.FromSeconds(5), _assignedAt,
        _endedAt, _unansweredSince, LastSeq: 3)
    {
        LastMessage = _lastMessage,
        LastMessageAt = _lastMessage is null ? null : _assignedAt,
    };
}

/// <summary>A colleague for the transfer dialog: Online, idle, max load 5, unless told otherwise.</summary>
public sealed class TransferCandidateBuilder(int agentId)
{
    private AgentStatus _status = AgentStatus.Online;
    private int _load;
    private bool _participant;
    private bool _consoleConnected = true;

    public static TransferCandidateBuilder Colleague(int agentId) => new(agentId);

    public TransferCandidateBuilder WithStatus(AgentStatus status)
    {
        _status = status;
        return this;
    }

    public TransferCandidateBuilder WithLoad(int load)
    {
        _load = load;
        return this;
    }

    public TransferCandidateBuilder AlreadyInTheConversation()
    {
        _participant = true;
        return this;
    }

    /// <summary>Every console of his closed; the grace period runs.</summary>
    public TransferCandidateBuilder WithConsoleClosed()
    {
        _consoleConnected = false;
        return this;
    }

    public TransferCandidate Build() => new(agentId, $"客服{agentId}", $"员工{agentId}", "售前组", _status, _load, MaxLoad: 5, _participant, _consoleConnected);
}
