using CustomerService.Domain.Conversations;
using CustomerService.Domain.Routing;
using CustomerService.Tests.Builders;

namespace CustomerService.Tests.Domain.Conversations;

/// <summary>
/// SPEC D3, D5, D8, D9, D10: the conversation aggregate's lifecycle, message facts, timers, evaluation and summary.
/// Timers are in <see cref="ConversationTimerTests"/>, participants and offers (D4) in <see cref="ConversationParticipantsTests"/>.
/// </summary>
public sealed class ConversationTests
{
    private const int Owner = 11;
    private static readonly DateTime T0 = ConversationBuilder.RequestedAt;
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    [Fact]
    public void A_new_request_is_queued_open_and_active_since_it_was_made()
    {
        var conversation = new ConversationBuilder().Vip().Build();

        Assert.Equal(ConversationState.Queued, conversation.State);
        Assert.True(conversation.IsOpen);
        Assert.True(conversation.IsVip);
        Assert.Equal((7L, 100L, 3, 4), (conversation.Id, conversation.VisitorId, conversation.EntryId, conversation.ReceptionGroupId));
        Assert.Equal(T0, conversation.RequestedAt);
        Assert.Equal(T0, conversation.LastActivityAt);
        Assert.Null(conversation.QueueSequence);
        Assert.Empty(conversation.Participants);
    }

    [Fact]
    public void Start_texts_are_kept_up_to_their_column_length_and_cut_beyond_it()
    {
        var conversation = new ConversationBuilder().WithContext(new StartContext(
            PageUrl: new string('u', 2000), PageTitle: new string('t', 201), Referrer: new string('r', 2001), VisitorIp: new string('i', 65),
            Product: new ProductCard(new string('n', 200), new string('p', 2001), new string('m', 2000), new string('$', 33)))).Build();

        Assert.Equal(2000, conversation.StartPageUrl!.Length);
        Assert.Equal(200, conversation.StartPageTitle!.Length);
        Assert.Equal(2000, conversation.Referrer!.Length);
        Assert.Equal(new string('i', 64), conversation.VisitorIp);
        Assert.Equal(new string('n', 200), conversation.ProductName);
        Assert.Equal(2000, conversation.ProductUrl!.Length);
        Assert.Equal(new string('m', 2000), conversation.ProductImageUrl);
        Assert.Equal(new string('$', 32), conversation.ProductPrice);
    }

    [Fact]
    public void Empty_start_texts_and_a_missing_product_are_stored_as_nothing()
    {
        var conversation = new ConversationBuilder().WithContext(new StartContext(PageUrl: "", PageTitle: "商品页", VisitorIp: "1.2.3.4")).Build();

        Assert.Null(conversation.StartPageUrl);
        Assert.Equal("商品页", conversation.StartPageTitle);
        Assert.Equal("1.2.3.4", conversation.VisitorIp);
        Assert.Null(conversation.Referrer);
        Assert.Null(conversation.ProductName);
        Assert.Null(conversation.ProductPrice);
        Assert.Throws<ArgumentNullException>(() => new Conversation(1, 1, 1, 1, false, T0, null!));
    }

    [Fact]
    public void Enqueue_records_the_ticket_and_whom_the_request_waits_for()
    {
        var conversation = new ConversationBuilder().Queued(sequence: 42, forAgentId: Owner).Build();

        Assert.Equal(42, conversation.QueueSequence);
        Assert.Equal(Owner, conversation.QueuedForAgentId);
        Assert.Equal(ConversationState.Queued, conversation.State);
    }

    [Fact]
    public void Enqueue_twice_is_refused()
    {
        var conversation = new ConversationBuilder().Queued(sequence: 1).Build();

        var refused = Assert.Throws<InvalidOperationException>(() => conversation.Enqueue(null, 2));
        Assert.Equal("Conversation 7 is already queued.", refused.Message);
        Assert.Equal(1, conversation.QueueSequence);
    }

    [Fact]
    public void Enqueue_of_an_active_conversation_is_refused()
    {
        var conversation = new ConversationBuilder().AssignedTo(Owner).Build();

        Assert.Throws<InvalidOperationException>(() => conversation.Enqueue(null, 2));
    }

    [Fact]
    public void Assigning_a_queued_request_serves_it_and_ends_its_wait()
    {
        var conversation = new ConversationBuilder().Queued().Build();

        conversation.Assign(Owner, AssignmentReason.ReturningVisitor, T0 + Minute);

        Assert.Equal(ConversationState.Active, conversation.State);
        Assert.Equal(QueueOutcome.Served, conversation.QueueOutcome);
        Assert.Equal(T0 + Minute, conversation.DequeuedAt);
        Assert.Equal(Owner, conversation.AgentId);
        Assert.Equal(AssignmentReason.ReturningVisitor, conversation.AssignmentReason);
        Assert.Equal(T0 + Minute, conversation.AssignedAt);
        Assert.Equal(T0 + Minute, conversation.LastActivityAt);
        var owner = Assert.Single(conversation.ActiveParticipants);
        Assert.Equal((Owner, ParticipantRole.Owner, T0 + Minute, 7L), (owner.AgentId, owner.Role, owner.JoinedAt, owner.ConversationId));
    }

    [Fact]
    public void Assigning_a_request_that_never_queued_leaves_no_queue_record()
    {
        var conversation = new ConversationBuilder().Build();

        conversation.Assign(Owner, AssignmentReason.RoundRobin, T0);

        Assert.Null(conversation.QueueOutcome);
        Assert.Null(conversation.DequeuedAt);
    }

    [Fact]
    public void Assigning_an_active_or_ended_conversation_is_refused()
    {
        var active = new ConversationBuilder().AssignedTo(Owner).Build();
        var ended = new ConversationBuilder().Build();
        ended.End(EndReason.Visitor, null, T0);

        Assert.Equal("Conversation 7 is Active, expected Queued.",
            Assert.Throws<InvalidOperationException>(() => active.Assign(12, AssignmentReason.RoundRobin, T0)).Message);
        Assert.Throws<InvalidOperationException>(() => ended.Assign(12, AssignmentReason.RoundRobin, T0));
        Assert.Equal(Owner, active.AgentId);
    }

    [Fact]
    public void Every_message_takes_the_next_sequence_number_notices_included()
    {
        var conversation = new ConversationBuilder().AssignedTo(Owner).Build();

        var seqs = new[]
        {
            conversation.RecordMessage(MessageSender.Visitor, MessageKind.Text, T0).Seq,
            conversation.RecordMessage(MessageSender.System, MessageKind.Notice, T0).Seq,
            conversation.RecordMessage(MessageSender.Agent, MessageKind.Image, T0).Seq,
        };

        Assert.Equal([1L, 2L, 3L], seqs);
        Assert.Equal(3, conversation.LastSeq);
    }

    [Fact]
    public void Visitor_messages_are_counted_and_the_first_unanswered_one_starts_the_wait()
    {
        var conversation = new ConversationBuilder().AssignedTo(Owner).Build();

        var first = conversation.RecordMessage(MessageSender.Visitor, MessageKind.Text, T0 + Minute);
        conversation.RecordMessage(MessageSender.Visitor, MessageKind.File, T0 + (2 * Minute));

        Assert.Null(first.Response);
        Assert.Equal(2, conversation.VisitorMessageCount);
        Assert.Equal(0, conversation.AgentMessageCount);
        Assert.Equal(T0 + (2 * Minute), conversation.LastVisitorMessageAt);
        Assert.Equal(T0 + (2 * Minute), conversation.LastActivityAt);
        Assert.Equal(T0 + Minute, conversation.UnansweredSince);
        Assert.Null(conversation.FirstResponseAt);
    }

    [Fact]
    public void The_agents_first_answer_is_the_first_response_measured_from_the_oldest_unanswered_message()
    {
        var conversation = new ConversationBuilder().AssignedTo(Owner).Build();
        conversation.RecordMessage(MessageSender.Visitor, MessageKind.Text, T0 + Minute);
        conversation.RecordMessage(MessageSender.Visitor, MessageKind.Text, T0 + (2 * Minute));

        var (_, response) = conversation.RecordMessage(MessageSender.Agent, MessageKind.Text, T0 + (3 * Minute));

        Assert.Equal(new CompletedResponse(T0 + Minute, T0 + (3 * Minute), IsFirst: true), response);
        Assert.Equal(T0 + (3 * Minute), conversation.FirstResponseAt);
        Assert.Equal(T0 + (3 * Minute), conversation.LastAgentMessageAt);
        Assert.Equal(T0 + (3 * Minute), conversation.LastActivityAt);
        Assert.Null(conversation.UnansweredSince);
        Assert.Equal(1, conversation.AgentMessageCount);
    }

    [Fact]
    public void Later_answers_are_responses_but_not_the_first_and_an_unprompted_agent_message_is_none()
    {
        var conversation = new ConversationBuilder().AssignedTo(Owner).Build();
        conversation.RecordMessage(MessageSender.Visitor, MessageKind.Text, T0);
        conversation.RecordMessage(MessageSender.Agent, MessageKind.Text, T0 + Minute);

        var unprompted = conversation.RecordMessage(MessageSender.Agent, MessageKind.Text, T0 + (2 * Minute)).Response;
        conversation.RecordMessage(MessageSender.Visitor, MessageKind.Text, T0 + (3 * Minute));
        var second = conversation.RecordMessage(MessageSender.Agent, MessageKind.Text, T0 + (5 * Minute)).Response;

        Assert.Null(unprompted);
        Assert.Equal(new CompletedResponse(T0 + (3 * Minute), T0 + (5 * Minute), IsFirst: false), second);
        Assert.Equal(T0 + Minute, conversation.FirstResponseAt);
        Assert.Equal(3, conversation.AgentMessageCount);
    }

    [Theory]
    [InlineData(MessageSender.System, MessageKind.Text)]
    [InlineData(MessageSender.Agent, MessageKind.Notice)]
    [InlineData(MessageSender.Visitor, MessageKind.Notice)]
    public void Auto_replies_and_notices_are_numbered_but_count_for_nothing(MessageSender sender, MessageKind kind)
    {
        var conversation = new ConversationBuilder().AssignedTo(Owner).Build();
        conversation.RecordMessage(MessageSender.Visitor, MessageKind.Text, T0 + Minute);

        var (seq, response) = conversation.RecordMessage(sender, kind, T0 + (2 * Minute));

        Assert.Equal(2, seq);
        Assert.Null(response);
        Assert.Equal((1, 0), (conversation.VisitorMessageCount, conversation.AgentMessageCount));
        Assert.Equal(T0 + Minute, conversation.LastActivityAt);
        Assert.Equal(T0 + Minute, conversation.UnansweredSince);
        Assert.Null(conversation.LastAgentMessageAt);
        Assert.Equal(ConsultationValidity.Invalid, conversation.Validity);
    }

    [Theory]
    [InlineData(true, false, ConsultationValidity.Invalid)]
    [InlineData(false, true, ConsultationValidity.Invalid)]
    [InlineData(true, true, ConsultationValidity.Valid)]
    [InlineData(false, false, ConsultationValidity.Invalid)]
    public void Only_a_conversation_where_both_sides_spoke_is_valid(bool visitorSpoke, bool agentSpoke, ConsultationValidity expected)
    {
        var conversation = new ConversationBuilder().AssignedTo(Owner).Build();
        conversation.RecordMessage(MessageSender.System, MessageKind.Text, T0);
        if (visitorSpoke)
        {
            conversation.RecordMessage(MessageSender.Visitor, MessageKind.Text, T0);
        }

        if (agentSpoke)
        {
            conversation.RecordMessage(MessageSender.Agent, MessageKind.Text, T0);
        }

        Assert.Equal(expected, conversation.Validity);
    }

    [Fact]
    public void A_message_after_the_end_is_refused_and_not_numbered()
    {
        var conversation = new ConversationBuilder().AssignedTo(Owner).Build();
        conversation.End(EndReason.Agent, Owner, T0 + Minute);

        var refused = Assert.Throws<InvalidOperationException>(() => conversation.RecordMessage(MessageSender.System, MessageKind.Notice, T0 + Minute));
        Assert.Equal("Conversation 7 has ended.", refused.Message);
        Assert.Equal(0, conversation.LastSeq);
    }

    [Fact]
    public void Ending_a_queued_request_abandons_its_queue_entry_now()
    {
        var conversation = new ConversationBuilder().Queued().Build();

        conversation.End(EndReason.AgentAway, 12, T0 + Minute);

        Assert.Equal(ConversationState.Ended, conversation.State);
        Assert.False(conversation.IsOpen);
        Assert.Equal(QueueOutcome.Abandoned, conversation.QueueOutcome);
        Assert.Equal(T0 + Minute, conversation.DequeuedAt);
        Assert.Equal((EndReason.AgentAway, (int?)12, (DateTime?)(T0 + Minute)), (conversation.EndReason, conversation.EndedByAccountId, conversation.EndedAt));
    }

    [Fact]
    public void Ending_a_served_conversation_keeps_its_queue_record()
    {
        var served = new ConversationBuilder().Queued().AssignedTo(Owner).Build();
        var neverQueued = new ConversationBuilder().Build();

        served.End(EndReason.Agent, Owner, T0 + (30 * Minute));
        neverQueued.End(EndReason.Visitor, null, T0 + Minute);

        Assert.Equal(QueueOutcome.Served, served.QueueOutcome);
        Assert.Equal(T0.AddSeconds(10), served.DequeuedAt);
        Assert.Null(neverQueued.QueueOutcome);
        Assert.Null(neverQueued.DequeuedAt);
    }

    [Fact]
    public void Ending_twice_is_refused_and_keeps_the_first_ending()
    {
        var conversation = new ConversationBuilder().AssignedTo(Owner).Build();
        conversation.End(EndReason.Visitor, null, T0 + Minute);

        var refused = Assert.Throws<InvalidOperationException>(() => conversation.End(EndReason.Admin, 1, T0 + (2 * Minute)));
        Assert.Equal("Conversation 7 has already ended.", refused.Message);
        Assert.Equal((EndReason.Visitor, (DateTime?)(T0 + Minute)), (conversation.EndReason, conversation.EndedAt));
    }

    [Fact]
    public void Leaving_a_message_from_the_queue_is_its_queue_outcome()
    {
        var queued = new ConversationBuilder().Queued().Build();
        var active = new ConversationBuilder().Queued().AssignedTo(Owner).Build();

        queued.EndWithLeaveMessage(T0 + Minute);
        active.EndWithLeaveMessage(T0 + Minute);

        Assert.Equal(QueueOutcome.LeftMessage, queued.QueueOutcome);
        Assert.Equal(T0 + Minute, queued.DequeuedAt);
        Assert.Equal(EndReason.Visitor, queued.EndReason);
        Assert.Null(queued.EndedByAccountId);
        Assert.Equal(QueueOutcome.Served, active.QueueOutcome);
        Assert.Equal(ConversationState.Ended, active.State);
    }
}
