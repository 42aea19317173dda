using System.Collections.Immutable;
using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Kpi;
using CustomerService.Domain.Phrases;
using CustomerService.Domain.Organisation;
using CustomerService.Web.Features.Conversations.Engine;

namespace CustomerService.Web.Features.Console;

/// <summary>
/// What one agent's console shows, as an immutable snapshot in the circuit's <see cref="CircuitStore{TState}"/>:
/// <see cref="ConsoleSession"/> swaps it whole after every change, so components read it during render on their own
/// thread while events keep arriving on the engine's.
/// </summary>
public sealed record ConsoleState
{
    public static ConsoleState Empty { get; } = new();

    public bool IsStarted { get; init; }

    /// <summary>Whose console this is.</summary>
    public int AgentId { get; init; }

    public bool IsAdmin { get; init; }

    /// <summary>The published phrases this agent may use (SPEC F6, F8), reloaded when someone publishes.</summary>
    public PhraseBook Phrases { get; init; } = PhraseBook.Empty;

    public ChatPreferenceValues Preferences { get; init; } = ChatPreferences.Defaults;

    /// <summary>The enterprise's time zone: the console's clocks and “today”.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>When the tiles' wait timers turn amber and red (conversation settings, issue 15).</summary>
    public WaitThresholds WaitThresholds { get; init; } = WaitThresholds.Default;

    /// <summary>Every reception group's name by id.</summary>
    public ImmutableDictionary<int, string> GroupNames { get; init; } = ImmutableDictionary<int, string>.Empty;

    public AgentStatus Status { get; init; } = AgentStatus.Offline;

    /// <summary>My open conversations, and the ended ones still listed until closed (SPEC F1 我的咨询, F3).</summary>
    public ImmutableDictionary<long, ConversationTile> Conversations { get; init; } = ImmutableDictionary<long, ConversationTile>.Empty;

    /// <summary>Loaded message histories, by conversation: mine, and the colleague conversation an admin watches.</summary>
    public ImmutableDictionary<long, ConversationThread> Threads { get; init; } = ImmutableDictionary<long, ConversationThread>.Empty;

    /// <summary>A colleague's conversation an admin opened from 同事会话 without being in it (SPEC F1).</summary>
    public ConversationTile? Monitored { get; init; }

    /// <summary>Transfers and invitations offered to me, waiting for my answer (SPEC D4).</summary>
    public ImmutableList<TransferOffer> Offers { get; init; } = [];

    /// <summary>The reception groups whose queues I see: mine, or all of them for an admin (seed 002 工时统计 排队提示).</summary>
    public ImmutableList<GroupRef> QueueGroups { get; init; } = [];

    public ImmutableDictionary<int, int> QueueLengths { get; init; } = ImmutableDictionary<int, int>.Empty;

    public WorkDay Today { get; init; } = WorkDay.Empty;

    public long? SelectedId { get; init; }

    /// <summary>Waiting visitors in my groups (SPEC F4 <c>queue-count</c>).</summary>
    public int QueueCount => QueueGroups.Sum(g => QueueLengths.GetValueOrDefault(g.Id));

    /// <summary>Unread visitor messages of the open conversations (the browser tab's title shows it).</summary>
    public int UnreadCount => Conversations.Values.Where(c => !c.IsEnded).Sum(c => c.Unread);

    /// <summary>The conversation the centre pane shows: one of mine, or the watched one.</summary>
    public ConversationTile? Selected =>
        SelectedId is not { } id ? null
        : Conversations.TryGetValue(id, out var tile) ? tile
        : Monitored?.Id == id ? Monitored
        : null;

    public ConversationThread? SelectedThread => SelectedId is { } id ? Threads.GetValueOrDefault(id) : null;
}

/// <summary>A conversation as its tile and the pane's header show it (SPEC F2).</summary>
public sealed record ConversationTile(
    long Id,
    long VisitorId,
    string? VisitorName,
    bool IsVip,
    ConversationState State,
    EndReason? EndReason,
    int ReceptionGroupId,
    int? OwnerId,
    IReadOnlyList<ParticipantView> Participants,
    DateTime RequestedAt,
    DateTime? AssignedAt,
    DateTime? EndedAt,
    DateTime? UnansweredSince,
    long LastSeq)
{
    public string? LastMessage { get; init; }

    public DateTime? LastMessageAt { get; init; }

    /// <summary>Visitor messages that arrived while another conversation was open.</summary>
    public int Unread { get; init; }

    /// <summary>The visitor's typing preview (SPEC D7), cleared when his message arrives.</summary>
    public string? Typing { get; init; }

    /// <summary>My transfer or invitation for this conversation that nobody has answered yet.</summary>
    public TransferView? PendingTransfer { get; init; }

    public EvaluationLevel? Evaluation { get; init; }

    /// <summary>The visitor's rating comment, once he rated while this console was open (else the side panel reads it).</summary>
    public string? EvaluationComment { get; init; }

    public bool? ProblemSolved { get; init; }

    public bool IsEnded => State == ConversationState.Ended;

    /// <summary>Waiting for an agent's answer: the timer runs red (seed 002 “红色标注计时”).</summary>
    public bool IsWaiting => !IsEnded && UnansweredSince is not null;

    public static ConversationTile From(ConversationView view, string? visitorName) => new(
        view.Id, view.VisitorId, visitorName, view.IsVip, view.State, view.EndReason, view.ReceptionGroupId, view.AgentId,
        view.Participants, view.RequestedAt, view.AssignedAt, view.EndedAt, view.UnansweredSince, view.LastSeq);

    /// <summary>
    /// Takes a newer view of the conversation. Message-derived fields (unanswered since, last seq) are the view's only when
    /// the view is at least as recent as the messages already applied, so an event replayed after a fresher read cannot
    /// turn the clock back.
    /// </summary>
    public ConversationTile With(ConversationView view)
    {
        var fresher = view.LastSeq >= LastSeq;
        return this with
        {
            IsVip = view.IsVip,
            State = view.State,
            EndReason = view.EndReason,
            ReceptionGroupId = view.ReceptionGroupId,
            OwnerId = view.AgentId,
            Participants = view.Participants,
            AssignedAt = view.AssignedAt,
            EndedAt = view.EndedAt,
            UnansweredSince = fresher ? view.UnansweredSince : UnansweredSince,
            LastSeq = fresher ? view.LastSeq : LastSeq,
        };
    }

    /// <summary>
    /// Counts a message the way the engine does (<see cref="Conversation.RecordMessage"/>): a visitor's starts the
    /// unanswered clock, an agent's stops it; notices and system messages change neither. Older messages are ignored.
    /// </summary>
    public ConversationTile With(MessageView message, bool markUnread)
    {
        if (message.Seq <= LastSeq)
        {
            return this;
        }

        var tile = this with { LastSeq = message.Seq };
        if (message.Kind == MessageKind.Notice || message.Sender == MessageSender.System)
        {
            return tile;
        }

        tile = tile with { LastMessage = message.Text, LastMessageAt = message.SentAt };
        return message.Sender == MessageSender.Visitor
            ? tile with { UnansweredSince = UnansweredSince ?? message.SentAt, Typing = null, Unread = markUnread ? Unread + 1 : Unread }
            : tile with { UnansweredSince = null };
    }
}

/// <summary>A conversation's messages by sequence number, plus my messages still on their way (SPEC D6 client ids).</summary>
public sealed record ConversationThread(ImmutableSortedDictionary<long, MessageView> Messages, ImmutableList<OutgoingMessage> Outgoing, bool IsLoaded)
{
    public static ConversationThread Loading { get; } = new(ImmutableSortedDictionary<long, MessageView>.Empty, [], false);

    public ConversationThread With(MessageView message) => this with
    {
        Messages = Messages.SetItem(message.Seq, message),
        Outgoing = message.ClientId is { } clientId ? Outgoing.RemoveAll(o => o.ClientId == clientId) : Outgoing,
    };

    public ConversationThread WithLoaded(IEnumerable<MessageView> messages)
    {
        var merged = Messages.ToBuilder();
        foreach (var message in messages)
        {
            merged.TryAdd(message.Seq, message);
        }

        var stored = merged.Values.Where(m => m.ClientId is not null).Select(m => m.ClientId!).ToHashSet(StringComparer.Ordinal);
        return new ConversationThread(merged.ToImmutable(), Outgoing.RemoveAll(o => stored.Contains(o.ClientId)), true);
    }
}

/// <summary>A message I sent that the engine has not confirmed yet; a failed one can be resent with the same client id.</summary>
public sealed record OutgoingMessage(string ClientId, string Text, DateTime CreatedAt, bool Failed = false, RuleViolation? Violation = null);

/// <summary>A transfer or invitation offered to me, with the visitor it is about.</summary>
public sealed record TransferOffer(TransferView Transfer, long VisitorId, string? VisitorName, string? GroupName);

public sealed record GroupRef(int Id, string Name);

/// <summary>Today's work (SPEC F4): my status log since the enterprise's midnight and the conversations I took part in.</summary>
public sealed record WorkDay(DateTime DayStart, ImmutableList<StatusStretch> Stretches, int ConversationCount)
{
    public static WorkDay Empty { get; } = new(DateTime.MinValue, [], 0);

    public WorkHours HoursUntil(DateTime now) => WorkHours.Of(Stretches, DayStart, now);
}

/// <summary>Something the agent should be told once (a snackbar): a localized text key with arguments, or a refused rule.</summary>
public sealed record ConsoleToast(ToastLevel Level, string? TextKey, object[] Arguments, RuleViolation? Violation = null)
{
    public static ConsoleToast Refused(RuleViolation violation) => new(ToastLevel.Error, null, [], violation);

    public static ConsoleToast Info(string textKey, params object[] arguments) => new(ToastLevel.Info, textKey, arguments);

    public static ConsoleToast Success(string textKey, params object[] arguments) => new(ToastLevel.Success, textKey, arguments);

    public static ConsoleToast Warning(string textKey, params object[] arguments) => new(ToastLevel.Warning, textKey, arguments);
}

public enum ToastLevel
{
    Info,
    Success,
    Warning,
    Error,
}

/// <summary>What deserves the agent's ear (SPEC F11 新消息提示音).</summary>
public enum ConsoleAlert
{
    NewConversation,
    VisitorMessage,
    TransferOffered,
}
