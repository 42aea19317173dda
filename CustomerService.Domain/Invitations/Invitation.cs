using CustomerService.Domain.Common;

namespace CustomerService.Domain.Invitations;

/// <summary>
/// 主动邀请 (seed 004 主动发起对话, SPEC D13): an agent asks a visitor browsing the site to chat. The visitor accepts
/// (a conversation with that agent starts), declines, or lets it run out; whichever comes first is final and recorded,
/// because 数据分析 counts accepted invitations as a source (「主动邀请」) and the agent sees how his invitations end.
/// </summary>
public class Invitation
{
    public const int TextMaxLength = 200;

    private Invitation()
    {
        Text = string.Empty;
    }

    public Invitation(long id, long visitorId, int agentId, int entryId, string text, DateTime createdAt, TimeSpan lifetime)
    {
        RuleViolationException.ThrowIf(CheckText(text));
        if (lifetime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), "An invitation must live for some time.");
        }

        Id = id;
        VisitorId = visitorId;
        AgentId = agentId;
        EntryId = entryId;
        Text = text.Trim();
        CreatedAt = createdAt;
        ExpiresAt = createdAt + lifetime;
        State = InvitationState.Pending;
    }

    public long Id { get; private set; }
    public long VisitorId { get; private set; }
    public int AgentId { get; private set; }

    /// <summary>The consultation entry the accepted conversation belongs to (its reception group is the agent's).</summary>
    public int EntryId { get; private set; }

    public string Text { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public InvitationState State { get; private set; }
    public DateTime? AnsweredAt { get; private set; }

    /// <summary>The conversation an accepted invitation started: how reports find the source 「主动邀请」.</summary>
    public long? ConversationId { get; private set; }

    public bool IsPending => State == InvitationState.Pending;

    /// <summary>Null when <paramref name="text"/> may be sent; blank, over-long or control characters are refused.</summary>
    public static RuleViolation? CheckText(string? text) =>
        string.IsNullOrWhiteSpace(text) ? new RuleViolation("Required", "Invitation.Text")
        : InputText.Check("Invitation.Text", text.Trim(), TextMaxLength);

    /// <summary>Whether a pending invitation has run out at <paramref name="now"/> (the visitor never answered).</summary>
    public bool IsDue(DateTime now) => IsPending && now >= ExpiresAt;

    /// <summary>The visitor accepted; <paramref name="conversationId"/> is the conversation it opened with the agent.</summary>
    public void Accept(long conversationId, DateTime now)
    {
        EnsureAnswerable(now);
        State = InvitationState.Accepted;
        AnsweredAt = now;
        ConversationId = conversationId;
    }

    public void Decline(DateTime now)
    {
        EnsureAnswerable(now);
        State = InvitationState.Declined;
        AnsweredAt = now;
    }

    /// <summary>Ends a pending invitation nobody answered in time; a no-op when it was answered or is not due.</summary>
    public bool Expire(DateTime now)
    {
        if (!IsDue(now))
        {
            return false;
        }

        State = InvitationState.Expired;
        AnsweredAt = ExpiresAt;
        return true;
    }

    /// <summary>
    /// Ends a pending invitation its agent can no longer honour (see <see cref="InvitationState.Withdrawn"/>); it never
    /// stays pending after that, so the widget takes it down and the agent's held slot is free.
    /// </summary>
    public void Withdraw(DateTime now)
    {
        if (!IsPending)
        {
            throw new InvalidOperationException($"Invitation {Id} is {State}, not pending.");
        }

        State = InvitationState.Withdrawn;
        AnsweredAt = now;
    }

    /// <summary>
    /// A late answer is refused rather than honoured: the agent was told the invitation ran out and may have taken
    /// other visitors since, so an accept after the deadline must not land on him.
    /// </summary>
    public RuleViolation? CheckAnswerable(DateTime now) =>
        State != InvitationState.Pending ? new RuleViolation("InvitationAnswered")
        : now >= ExpiresAt ? new RuleViolation("InvitationExpired")
        : null;

    private void EnsureAnswerable(DateTime now) => RuleViolationException.ThrowIf(CheckAnswerable(now));
}
