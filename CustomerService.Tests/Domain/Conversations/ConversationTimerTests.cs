using CustomerService.Domain.Conversations;
using CustomerService.Tests.Builders;

namespace CustomerService.Tests.Domain.Conversations;

/// <summary>
/// SPEC D3, D8 and idle closing: what the engine's timers ask the conversation, pinned at the exact thresholds.
/// </summary>
public sealed class ConversationTimerTests
{
    private const int Owner = 11;
    private static readonly DateTime T0 = ConversationBuilder.RequestedAt;
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    [Fact]
    public void Agent_wait_reply_is_due_exactly_when_the_visitor_has_waited_long_enough_and_once_per_wait()
    {
        var conversation = new ConversationBuilder().AssignedTo(Owner).Build();
        conversation.RecordMessage(MessageSender.Visitor, MessageKind.Text, T0 + Minute);

        Assert.False(conversation.AgentWaitReplyDue(T0 + (2 * Minute) - Tick, Minute));
        Assert.True(conversation.AgentWaitReplyDue(T0 + (2 * Minute), Minute));

        conversation.MarkAgentWaitReplySent();
        conversation.RecordMessage(MessageSender.Visitor, MessageKind.Text, T0 + (3 * Minute));
        Assert.True(conversation.AgentWaitReplySent);
        Assert.False(conversation.AgentWaitReplyDue(T0 + (9 * Minute), Minute));

        conversation.RecordMessage(MessageSender.Agent, MessageKind.Text, T0 + (10 * Minute));
        Assert.False(conversation.AgentWaitReplyDue(T0 + (20 * Minute), Minute));
        conversation.RecordMessage(MessageSender.Visitor, MessageKind.Text, T0 + (11 * Minute));
        Assert.False(conversation.AgentWaitReplySent);
        Assert.True(conversation.AgentWaitReplyDue(T0 + (12 * Minute), Minute));
    }

    [Fact]
    public void No_agent_wait_reply_while_queued_or_after_the_end()
    {
        var queued = new ConversationBuilder().Queued().Build();
        queued.RecordMessage(MessageSender.Visitor, MessageKind.Text, T0);
        var ended = new ConversationBuilder().AssignedTo(Owner).Build();
        ended.RecordMessage(MessageSender.Visitor, MessageKind.Text, T0);
        ended.End(EndReason.Visitor, null, T0);

        Assert.False(queued.AgentWaitReplyDue(T0 + (10 * Minute), Minute));
        Assert.False(ended.AgentWaitReplyDue(T0 + (10 * Minute), Minute));
    }

    [Fact]
    public void Visitor_no_reply_is_due_exactly_when_the_agent_spoke_last_long_enough_ago_and_once_per_agent_message()
    {
        var conversation = new ConversationBuilder().AssignedTo(Owner).Build();
        Assert.False(conversation.VisitorNoReplyDue(T0 + (10 * Minute), Minute));
        conversation.RecordMessage(MessageSender.Visitor, MessageKind.Text, T0 + Minute);
        conversation.RecordMessage(MessageSender.Agent, MessageKind.Text, T0 + (2 * Minute));

        Assert.False(conversation.VisitorNoReplyDue(T0 + (3 * Minute) - Tick, Minute));
        Assert.True(conversation.VisitorNoReplyDue(T0 + (3 * Minute), Minute));

        conversation.MarkVisitorNoReplySent();
        Assert.True(conversation.VisitorNoReplySent);
        Assert.False(conversation.VisitorNoReplyDue(T0 + (9 * Minute), Minute));

        conversation.RecordMessage(MessageSender.Agent, MessageKind.Text, T0 + (10 * Minute));
        Assert.False(conversation.VisitorNoReplySent);
        Assert.True(conversation.VisitorNoReplyDue(T0 + (11 * Minute), Minute));

        conversation.RecordMessage(MessageSender.Visitor, MessageKind.Text, T0 + (12 * Minute));
        Assert.False(conversation.VisitorNoReplyDue(T0 + (20 * Minute), Minute));
    }

    [Fact]
    public void Visitor_no_reply_counts_an_answer_in_the_same_instant_as_the_agent_speaking_last()
    {
        var conversation = new ConversationBuilder().AssignedTo(Owner).Build();
        conversation.RecordMessage(MessageSender.Visitor, MessageKind.Text, T0 + Minute);
        conversation.RecordMessage(MessageSender.Agent, MessageKind.Text, T0 + Minute);

        Assert.True(conversation.VisitorNoReplyDue(T0 + (2 * Minute), Minute));
    }

    [Fact]
    public void No_visitor_no_reply_after_the_end()
    {
        var conversation = new ConversationBuilder().AssignedTo(Owner).Build();
        conversation.RecordMessage(MessageSender.Agent, MessageKind.Text, T0);
        conversation.End(EndReason.Agent, Owner, T0);

        Assert.False(conversation.VisitorNoReplyDue(T0 + (10 * Minute), Minute));
    }

    [Fact]
    public void An_active_conversation_is_idle_exactly_when_nothing_happened_for_the_threshold()
    {
        var conversation = new ConversationBuilder().AssignedTo(Owner).Build();
        var lastActivity = conversation.LastActivityAt;

        Assert.False(conversation.IsIdle(lastActivity + (15 * Minute) - Tick, 15 * Minute));
        Assert.True(conversation.IsIdle(lastActivity + (15 * Minute), 15 * Minute));
        Assert.False(new ConversationBuilder().Queued().Build().IsIdle(T0 + (60 * Minute), 15 * Minute));
    }

    [Fact]
    public void A_queued_visitor_is_gone_exactly_when_silent_for_the_timeout()
    {
        var queued = new ConversationBuilder().Queued().Build();
        var active = new ConversationBuilder().Queued().AssignedTo(Owner).Build();

        Assert.False(queued.QueuedVisitorGone(T0, T0 + Minute - Tick, Minute));
        Assert.True(queued.QueuedVisitorGone(T0, T0 + Minute, Minute));
        Assert.False(active.QueuedVisitorGone(T0, T0 + (10 * Minute), Minute));
    }

    [Fact]
    public void A_gone_visitors_request_is_abandoned_with_the_wait_ending_at_his_last_sign_of_life()
    {
        var conversation = new ConversationBuilder().Queued().Build();

        conversation.AbandonQueue(T0 + Minute, T0 + (3 * Minute));

        Assert.Equal(ConversationState.Ended, conversation.State);
        Assert.Equal(EndReason.VisitorGone, conversation.EndReason);
        Assert.Null(conversation.EndedByAccountId);
        Assert.Equal(T0 + (3 * Minute), conversation.EndedAt);
        Assert.Equal(QueueOutcome.Abandoned, conversation.QueueOutcome);
        Assert.Equal(T0 + Minute, conversation.DequeuedAt);
    }

    [Fact]
    public void An_abandoned_wait_never_starts_before_the_request_nor_ends_after_now()
    {
        var early = new ConversationBuilder().Queued().Build();
        var late = new ConversationBuilder().Queued().Build();
        var neverQueued = new ConversationBuilder().Build();

        early.AbandonQueue(T0 - Minute, T0 + (2 * Minute));
        late.AbandonQueue(T0 + (5 * Minute), T0 + (2 * Minute));
        neverQueued.AbandonQueue(T0 + Minute, T0 + (2 * Minute));

        Assert.Equal(T0, early.DequeuedAt);
        Assert.Equal(T0 + (2 * Minute), late.DequeuedAt);
        Assert.Null(neverQueued.DequeuedAt);
        Assert.Throws<InvalidOperationException>(() => new ConversationBuilder().AssignedTo(Owner).Build().AbandonQueue(T0, T0));
    }

    [Fact]
    public void A_visitor_answering_the_no_reply_prompt_clears_it()
    {
        var conversation = new ConversationBuilder().AssignedTo(Owner).Build();
        conversation.RecordMessage(MessageSender.Agent, MessageKind.Text, T0 + Minute);
        conversation.MarkVisitorNoReplySent();

        conversation.RecordMessage(MessageSender.Visitor, MessageKind.Text, T0 + (5 * Minute));

        Assert.False(conversation.VisitorNoReplySent);
    }
}

