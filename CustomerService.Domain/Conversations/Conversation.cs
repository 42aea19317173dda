using CustomerService.Domain.Common;
using CustomerService.Domain.Routing;

namespace CustomerService.Domain.Conversations;

/// <summary>
/// One consultation from request to end (SPEC D5), the aggregate of its participants and its pending offer (SPEC D4).
/// Only the conversation engine changes it; the methods keep the counters and the facts for reports (queue wait, first
/// response, unanswered time) consistent with its messages, and refuse with a <see cref="RuleViolation"/> what a user
/// may not do. Calls the engine can never make legitimately (assigning an ended conversation) throw instead.
/// Rules that look at the roster (a colleague's status, load, role) take those facts as arguments, so this stays pure.
/// </summary>
public partial class Conversation
{
    private Conversation()
    {
    }

    public Conversation(long id, long visitorId, int entryId, int receptionGroupId, bool isVip, DateTime requestedAt, StartContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Id = id;
        VisitorId = visitorId;
        EntryId = entryId;
        ReceptionGroupId = receptionGroupId;
        IsVip = isVip;
        RequestedAt = requestedAt;
        LastActivityAt = requestedAt;
        StartPageUrl = Truncate(context.PageUrl, 2000);
        StartPageTitle = Truncate(context.PageTitle, 200);
        Referrer = Truncate(context.Referrer, 2000);
        VisitorIp = Truncate(context.VisitorIp, 64);
        if (context.Product is { } product)
        {
            ProductName = Truncate(product.Name, 200);
            ProductUrl = Truncate(product.Url, 2000);
            ProductImageUrl = Truncate(product.ImageUrl, 2000);
            ProductPrice = Truncate(product.Price, 32);
        }

        State = ConversationState.Queued;
    }

    public long Id { get; private set; }
    public long VisitorId { get; private set; }
    public int EntryId { get; private set; }
    public int ReceptionGroupId { get; private set; }
    public ConversationState State { get; private set; }

    /// <summary>Queues ahead of non-VIP requests (SPEC D2.7).</summary>
    public bool IsVip { get; private set; }

    public string? StartPageUrl { get; private set; }
    public string? StartPageTitle { get; private set; }
    public string? Referrer { get; private set; }
    public string? VisitorIp { get; private set; }

    /// <summary>The product the visitor asked from (SPEC E2 product card, F7 product tab), as the merchant's page passed it.</summary>
    public string? ProductName { get; private set; }

    public string? ProductUrl { get; private set; }
    public string? ProductImageUrl { get; private set; }
    public string? ProductPrice { get; private set; }

    public DateTime RequestedAt { get; private set; }

    /// <summary>Set while the request waits for its private-contact agent only (SPEC D2.2).</summary>
    public int? QueuedForAgentId { get; private set; }

    /// <summary>Tie-breaker of the queue order: given by the engine in the order requests were queued.</summary>
    public long? QueueSequence { get; private set; }

    public QueueOutcome? QueueOutcome { get; private set; }

    /// <summary>When the request last left a queue (served, left a message or abandoned); each stay is in <see cref="QueueEntries"/>.</summary>
    public DateTime? DequeuedAt { get; private set; }

    /// <summary>The responsible agent; changes on transfer.</summary>
    public int? AgentId { get; private set; }

    public AssignmentReason? AssignmentReason { get; private set; }
    public DateTime? AssignedAt { get; private set; }
    public DateTime? EndedAt { get; private set; }
    public EndReason? EndReason { get; private set; }
    public int? EndedByAccountId { get; private set; }

    /// <summary>Sequence number of the newest message; the visitor stream's event id (SPEC N2).</summary>
    public long LastSeq { get; private set; }

    public int VisitorMessageCount { get; private set; }
    public int AgentMessageCount { get; private set; }
    public DateTime? LastVisitorMessageAt { get; private set; }

    /// <summary>When the visitor first spoke: the start of an invalid consultation's wait (SPEC I0 无效咨询 平均等待时间).</summary>
    public DateTime? FirstVisitorMessageAt { get; private set; }
    public DateTime? LastAgentMessageAt { get; private set; }
    public DateTime LastActivityAt { get; private set; }

    /// <summary>The agent's first answer to the visitor (seed 002 KPI 首次响应时间).</summary>
    public DateTime? FirstResponseAt { get; private set; }

    /// <summary>The oldest visitor message no agent has answered yet; null when the agent spoke last.</summary>
    public DateTime? UnansweredSince { get; private set; }

    /// <summary>The agent-wait auto-reply was sent for the current unanswered stretch (SPEC D8).</summary>
    public bool AgentWaitReplySent { get; private set; }

    /// <summary>The visitor-no-reply auto-reply was sent since the agent's last message (SPEC D8).</summary>
    public bool VisitorNoReplySent { get; private set; }

    public EvaluationLevel? EvaluationLevel { get; private set; }
    public string? EvaluationComment { get; private set; }
    public bool EvaluationInvited { get; private set; }
    public bool VisitorRatedUnprompted { get; private set; }
    public int RatingCount { get; private set; }

    /// <summary>The visitor's answer to 问题是否解决 in his rating (SPEC I0 已解决 / 未解决); null when not answered.</summary>
    public bool? ProblemSolved { get; private set; }

    /// <summary>咨询总结 (SPEC D10): the consultation type and note an agent filed, during or after the conversation.</summary>
    public int? SummaryTypeId { get; private set; }

    public string? SummaryNote { get; private set; }
    public DateTime? SummarizedAt { get; private set; }
    public int? SummarizedByAccountId { get; private set; }

    public bool IsSummarized => SummarizedAt is not null;

    public bool IsOpen => State != ConversationState.Ended;

    public ConsultationValidity Validity => ConsultationClassifier.Classify(VisitorMessageCount, AgentMessageCount);

    public ConversationEvaluation Evaluation =>
        ConversationEvaluation.Restore(EvaluationLevel, EvaluationInvited, VisitorRatedUnprompted, RatingCount);

    public void Enqueue(int? forAgentId, long queueSequence)
    {
        EnsureState(ConversationState.Queued);
        if (QueueSequence is not null)
        {
            throw new InvalidOperationException($"Conversation {Id} is already queued.");
        }

        QueuedForAgentId = forAgentId;
        QueueSequence = queueSequence;
        _queueEntries.Add(new ConversationQueueEntry(Id, ReceptionGroupId, forAgentId, RequestedAt, afterAgentLost: false));
    }

    public void Assign(int agentId, AssignmentReason reason, DateTime now)
    {
        EnsureState(ConversationState.Queued);
        if (QueueSequence is not null)
        {
            LeaveQueue(Conversations.QueueOutcome.Served, now);
        }

        State = ConversationState.Active;
        AgentId = agentId;
        AssignmentReason = reason;
        AssignedAt = now;

        // SPEC I0: a visitor who wrote while queued is waiting for an answer from the assignment on, not before.
        if (UnansweredSince is not null)
        {
            UnansweredSince = now;
        }

        LastActivityAt = now;
        _participants.Add(new ConversationParticipant(Id, agentId, ParticipantRole.Owner, now));
    }

    /// <summary>Counts a message and returns its sequence number, plus the response it completes when it is an agent's answer.</summary>
    public (long Seq, CompletedResponse? Response) RecordMessage(MessageSender sender, MessageKind kind, DateTime now)
    {
        if (!IsOpen)
        {
            throw new InvalidOperationException($"Conversation {Id} has ended.");
        }

        LastSeq++;
        if (kind == MessageKind.Notice || sender == MessageSender.System)
        {
            return (LastSeq, null);
        }

        LastActivityAt = now;
        if (sender == MessageSender.Visitor)
        {
            VisitorMessageCount++;
            LastVisitorMessageAt = now;
            FirstVisitorMessageAt ??= now;
            VisitorNoReplySent = false;
            if (UnansweredSince is null)
            {
                UnansweredSince = now;
                AgentWaitReplySent = false;
            }

            return (LastSeq, null);
        }

        AgentMessageCount++;
        LastAgentMessageAt = now;
        VisitorNoReplySent = false;
        CompletedResponse? response = null;
        if (UnansweredSince is { } askedAt)
        {
            response = new CompletedResponse(askedAt, now, IsFirst: FirstResponseAt is null);
            FirstResponseAt ??= now;
            UnansweredSince = null;
        }

        return (LastSeq, response);
    }

    /// <summary>SPEC D8 agent-wait: the visitor has waited this long for an answer and was not told to wait yet.</summary>
    public bool AgentWaitReplyDue(DateTime now, TimeSpan after) =>
        State == ConversationState.Active && !AgentWaitReplySent && UnansweredSince is { } since && now - since >= after;

    /// <summary>SPEC D8 visitor-no-reply: the agent spoke last and the visitor has been silent this long.</summary>
    public bool VisitorNoReplyDue(DateTime now, TimeSpan after) =>
        State == ConversationState.Active && !VisitorNoReplySent && UnansweredSince is null
        && LastAgentMessageAt is { } agentAt && (LastVisitorMessageAt is not { } visitorAt || visitorAt <= agentAt)
        && now - agentAt >= after;

    public void MarkAgentWaitReplySent() => AgentWaitReplySent = true;

    public void MarkVisitorNoReplySent() => VisitorNoReplySent = true;

    public bool IsIdle(DateTime now, TimeSpan after) => State == ConversationState.Active && now - LastActivityAt >= after;

    /// <summary>邀请评价 (SPEC D9): any agent in the conversation, any number of times while it is open.</summary>
    public Outcome InviteEvaluation(int agentId)
    {
        if (!IsOpen)
        {
            return new RuleViolation("ConversationEnded");
        }

        if (ParticipantOf(agentId) is null)
        {
            return new RuleViolation("NotAParticipant");
        }

        ApplyEvaluation(Evaluation.Invite(), null);
        return Outcome.Ok;
    }

    /// <summary>
    /// The visitor's rating (SPEC D9), open or ended: it answers an open invitation, or is his one unprompted rating;
    /// the best rating counts. A refused rating changes nothing.
    /// </summary>
    public Outcome<EvaluationLevel> Rate(EvaluationLevel level, string? comment, EvaluationSettings settings, bool? problemSolved = null)
    {
        var result = Evaluation.Rate(level, VisitorMessageCount, settings);
        if (result.Rejection is { } rejection)
        {
            return rejection switch
            {
                RatingRejection.AlreadyRated => new RuleViolation("RatingAlreadyRated"),
                RatingRejection.NotEnoughVisitorMessages => new RuleViolation("RatingNotEnoughVisitorMessages"),
                RatingRejection.VisitorRatingDisabled => new RuleViolation("RatingVisitorRatingDisabled"),
                _ => throw new ArgumentOutOfRangeException(nameof(level), rejection, "Unknown rating rejection."),
            };
        }

        ApplyEvaluation(result.Evaluation, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim());
        ProblemSolved = problemSolved ?? ProblemSolved;
        return result.Evaluation.FinalLevel!.Value;
    }

    public void ApplyEvaluation(ConversationEvaluation evaluation, string? comment)
    {
        EvaluationLevel = evaluation.FinalLevel;
        EvaluationInvited = evaluation.HasOpenInvitation;
        VisitorRatedUnprompted = evaluation.VisitorRatedUnprompted;
        RatingCount = evaluation.RatingCount;
        if (comment is not null)
        {
            EvaluationComment = Truncate(comment, 500);
        }
    }

    /// <summary>Files or replaces the summary; the caller has checked it with <see cref="ConsultationSummaryRules"/>.</summary>
    public void Summarize(ConsultationSummary summary, int byAccountId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(summary);
        SummaryTypeId = summary.TypeId;
        SummaryNote = string.IsNullOrWhiteSpace(summary.Note) ? null : summary.Note.Trim();
        SummarizedAt = now;
        SummarizedByAccountId = byAccountId;
    }

    /// <summary>Ends the conversation: a pending offer is withdrawn and everyone still in it leaves.</summary>
    public void End(EndReason reason, int? byAccountId, DateTime now)
    {
        if (!IsOpen)
        {
            throw new InvalidOperationException($"Conversation {Id} has already ended.");
        }

        CancelTransfer(now);
        foreach (var participant in _participants)
        {
            participant.Leave(now);
        }

        if (State == ConversationState.Queued && QueueSequence is not null)
        {
            LeaveQueue(Conversations.QueueOutcome.Abandoned, now);
        }

        State = ConversationState.Ended;
        EndReason = reason;
        EndedByAccountId = byAccountId;
        EndedAt = now;
    }

    /// <summary>
    /// SPEC D3: a queued visitor without a sign of life (open event stream, request) for <paramref name="timeout"/> has
    /// gone — closed the page or lost the network — and must not hold up the visitors behind him.
    /// </summary>
    public bool QueuedVisitorGone(DateTime lastSignOfLife, DateTime now, TimeSpan timeout) =>
        State == ConversationState.Queued && now - lastSignOfLife >= timeout;

    /// <summary>
    /// Ends a queued request whose visitor is gone (queue outcome 放弃). His wait ends at his last sign of life, not when
    /// the sweep noticed, so queue reports do not count the timeout as waiting.
    /// </summary>
    public void AbandonQueue(DateTime lastSignOfLife, DateTime now)
    {
        EnsureState(ConversationState.Queued);
        End(Conversations.EndReason.VisitorGone, null, now);
        if (QueueSequence is not null && _queueEntries.LastOrDefault() is { } entry)
        {
            var left = lastSignOfLife < entry.EnteredAt ? entry.EnteredAt : lastSignOfLife > now ? now : lastSignOfLife;
            DequeuedAt = left;
            entry.MoveLeftAt(left);
        }
    }

    /// <summary>The visitor gave up waiting and left a message instead (seed 002 排队分析 进入留言).</summary>
    public void EndWithLeaveMessage(DateTime now)
    {
        if (State == ConversationState.Queued)
        {
            LeaveQueue(Conversations.QueueOutcome.LeftMessage, now);
        }

        End(Conversations.EndReason.Visitor, null, now);
    }

    private void EnsureState(ConversationState expected)
    {
        if (State != expected)
        {
            throw new InvalidOperationException($"Conversation {Id} is {State}, expected {expected}.");
        }
    }

    private static string? Truncate(string? value, int max) =>
        string.IsNullOrEmpty(value) ? null : value.Length <= max ? value : value[..max];
}

/// <summary>Where the visitor was when he asked (SPEC E3).</summary>
public sealed record StartContext(string? PageUrl = null, string? PageTitle = null, string? Referrer = null, string? VisitorIp = null, ProductCard? Product = null);

/// <summary>The product card the merchant's page passes to the chat (unsigned: display only, never trusted for rules).</summary>
public sealed record ProductCard(string? Name, string? Url, string? ImageUrl, string? Price);

/// <summary>An agent's answer to the oldest unanswered visitor message: one response-time fact (seed 002 平均响应时间).</summary>
public sealed record CompletedResponse(DateTime AskedAt, DateTime AnsweredAt, bool IsFirst);
