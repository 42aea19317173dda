using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Organisation;
using CustomerService.Tests.Builders;
using CustomerService.Web.Features.Conversations.Engine;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Features.Conversations.Engine;

/// <summary>SPEC D6 messages, D8 auto-replies, D9 evaluation, and the facts written for reports.</summary>
public sealed class EngineMessageTests
{
    [Fact]
    public async Task A_resend_with_the_same_client_id_returns_the_stored_message()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var (_, visitor, conversationId) = await ConversationAsync(scenario);

        var first = await scenario.Engine.AppendVisitorMessageAsync(visitor, conversationId, "c-1", "你好");
        var again = await scenario.Engine.AppendVisitorMessageAsync(visitor, conversationId, "c-1", "你好");

        Assert.Equal(first, again);
        await using var db = scenario.NewContext();
        Assert.Single(db.Messages.Where(m => m.ClientId == "c-1"));
    }

    [Fact]
    public async Task Messages_are_stored_before_they_are_announced_with_consecutive_sequence_numbers()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var (_, visitor, conversationId) = await ConversationAsync(scenario);
        var storedWhenAnnounced = new List<bool>();
        using var subscription = scenario.Events.Subscribe(EventTopic.Conversation(conversationId), e =>
        {
            if (e is MessageAppended appended)
            {
                using var db = scenario.NewContext();
                lock (storedWhenAnnounced)
                {
                    storedWhenAnnounced.Add(db.Messages.Any(m => m.Id == appended.Message.Id));
                }
            }
        });

        var sent = new List<MessageView>();
        for (var i = 0; i < 5; i++)
        {
            sent.Add(await scenario.Engine.AppendVisitorMessageAsync(visitor, conversationId, $"c-{i}", $"消息 {i}"));
        }

        Assert.Equal(5, storedWhenAnnounced.Count);
        Assert.All(storedWhenAnnounced, Assert.True);
        Assert.Equal(Enumerable.Range((int)sent[0].Seq, 5).Select(i => (long)i), sent.Select(m => m.Seq));
    }

    [Theory]
    [InlineData("", "MessageEmpty")]
    [InlineData("   ", "MessageEmpty")]
    [InlineData(null, "MessageEmpty")]
    public async Task Empty_message_is_refused_and_nothing_is_stored(string? text, string code)
    {
        await using var scenario = await EngineScenario.StartAsync();
        var (_, visitor, conversationId) = await ConversationAsync(scenario);
        var before = await MessageCountAsync(scenario);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(
            () => scenario.Engine.AppendVisitorMessageAsync(visitor, conversationId, "c", text));

        Assert.Equal(code, refused.Violation.Code);
        Assert.Equal(before, await MessageCountAsync(scenario));
    }

    [Fact]
    public async Task A_message_of_5001_characters_is_refused_and_one_of_5000_is_stored()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var (_, visitor, conversationId) = await ConversationAsync(scenario);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(
            () => scenario.Engine.AppendVisitorMessageAsync(visitor, conversationId, "long", new string('字', 5001)));
        var stored = await scenario.Engine.AppendVisitorMessageAsync(visitor, conversationId, "ok", new string('字', 5000));

        Assert.Equal("MessageTooLong", refused.Violation.Code);
        Assert.Equal(5000, stored.Text.Length);
    }

    [Fact]
    public async Task Sending_into_an_ended_conversation_is_refused()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var (agent, visitor, conversationId) = await ConversationAsync(scenario);
        await scenario.Engine.EndByAgentAsync(agent, conversationId);

        var byAgent = await Assert.ThrowsAsync<RuleViolationException>(
            () => scenario.Engine.AppendAgentMessageAsync(agent, conversationId, "x", "还在吗"));
        var byVisitor = await Assert.ThrowsAsync<RuleViolationException>(
            () => scenario.Engine.AppendVisitorMessageAsync(visitor, conversationId, "y", "在"));

        Assert.Equal("ConversationEnded", byAgent.Violation.Code);
        Assert.Equal("ConversationEnded", byVisitor.Violation.Code);
    }

    [Fact]
    public async Task Another_visitors_conversation_is_not_found()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var (_, _, conversationId) = await ConversationAsync(scenario);
        var stranger = await scenario.AddVisitorAsync();

        var refused = await Assert.ThrowsAsync<RuleViolationException>(
            () => scenario.Engine.AppendVisitorMessageAsync(stranger, conversationId, "z", "hi"));

        Assert.Equal("ConversationNotFound", refused.Violation.Code);
    }

    [Fact]
    public async Task Agent_answers_are_recorded_as_response_facts_and_auto_replies_do_not_make_a_conversation_valid()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var (agent, visitor, conversationId) = await ConversationAsync(scenario);

        await scenario.Engine.AppendVisitorMessageAsync(visitor, conversationId, "v1", "请问有货吗");
        scenario.Clock.Advance(TimeSpan.FromSeconds(12));
        await scenario.Engine.AppendAgentMessageAsync(agent, conversationId, "a1", "有的");
        await scenario.Engine.AppendVisitorMessageAsync(visitor, conversationId, "v2", "多少钱");
        scenario.Clock.Advance(TimeSpan.FromSeconds(30));
        await scenario.Engine.AppendAgentMessageAsync(agent, conversationId, "a2", "99 元");

        await using var db = scenario.NewContext();
        var facts = await db.ResponseFacts.OrderBy(f => f.AnsweredAt).ToListAsync();
        Assert.Equal([(12_000L, true), (30_000L, false)], facts.Select(f => (f.ResponseMilliseconds, f.IsFirst)));
        var stored = await db.Conversations.SingleAsync();
        Assert.Equal(ConsultationValidity.Valid, stored.Validity);
        Assert.Contains(await db.Messages.ToListAsync(), m => m.Sender == MessageSender.System && m.Kind == MessageKind.Text);
    }

    [Fact]
    public async Task A_conversation_with_only_the_welcome_auto_reply_is_invalid()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var (agent, visitor, conversationId) = await ConversationAsync(scenario);
        await scenario.Engine.AppendVisitorMessageAsync(visitor, conversationId, "v1", "在吗");
        await scenario.Engine.EndByAgentAsync(agent, conversationId);

        await using var db = scenario.NewContext();
        Assert.Equal(ConsultationValidity.Invalid, (await db.Conversations.SingleAsync()).Validity);
    }

    [Fact]
    public async Task Auto_replies_follow_the_clock_welcome_then_agent_wait_then_visitor_no_reply_then_idle_close()
    {
        await using var scenario = await EngineScenario.StartAsync(s => s
            .AutoReplies("欢迎", "还在吗？", "请稍候", visitorNoReplySeconds: 120, agentWaitSeconds: 60)
            .IdleCloseAfterMinutes(10));
        var (agent, visitor, conversationId) = await ConversationAsync(scenario);

        await scenario.Engine.AppendVisitorMessageAsync(visitor, conversationId, "v1", "你好");
        scenario.Clock.Advance(TimeSpan.FromSeconds(59));
        await scenario.Engine.TickAsync();
        Assert.Equal(["欢迎"], await SystemTextsAsync(scenario));
        scenario.Clock.Advance(TimeSpan.FromSeconds(1));
        await scenario.Engine.TickAsync();
        await scenario.Engine.TickAsync();
        Assert.Equal(["欢迎", "请稍候"], await SystemTextsAsync(scenario));

        await scenario.Engine.AppendAgentMessageAsync(agent, conversationId, "a1", "您好");
        scenario.Clock.Advance(TimeSpan.FromSeconds(120));
        await scenario.Engine.TickAsync();
        await scenario.Engine.TickAsync();
        Assert.Equal(["欢迎", "请稍候", "还在吗？"], await SystemTextsAsync(scenario));

        // Auto-replies are not activity: idle time counts from the agent's last message, 10 minutes.
        scenario.Clock.Advance(TimeSpan.FromMinutes(7));
        await scenario.Engine.TickAsync();
        Assert.NotNull(await scenario.Engine.GetConversationAsync(conversationId));
        scenario.Clock.Advance(TimeSpan.FromMinutes(1));
        await scenario.Engine.TickAsync();
        Assert.Null(await scenario.Engine.GetConversationAsync(conversationId));
        await using var db = scenario.NewContext();
        Assert.Equal(EndReason.Timeout, (await db.Conversations.SingleAsync()).EndReason);
    }

    [Fact]
    public async Task The_best_of_several_invited_ratings_counts_and_an_unprompted_rating_is_allowed_once()
    {
        await using var scenario = await EngineScenario.StartAsync(s => s.Evaluation(visitorMayRate: true, minVisitorMessages: 1));
        var (agent, visitor, conversationId) = await ConversationAsync(scenario);
        await scenario.Engine.AppendVisitorMessageAsync(visitor, conversationId, "v1", "你好");

        Assert.Equal(EvaluationLevel.Neutral, await scenario.Engine.RateAsync(visitor, conversationId, EvaluationLevel.Neutral));
        var again = await Assert.ThrowsAsync<RuleViolationException>(
            () => scenario.Engine.RateAsync(visitor, conversationId, EvaluationLevel.Satisfied));
        Assert.Equal("RatingAlreadyRated", again.Violation.Code);

        await scenario.Engine.InviteEvaluationAsync(agent, conversationId);
        Assert.Equal(EvaluationLevel.VerySatisfied, await scenario.Engine.RateAsync(visitor, conversationId, EvaluationLevel.VerySatisfied));
        await scenario.Engine.InviteEvaluationAsync(agent, conversationId);
        Assert.Equal(EvaluationLevel.VerySatisfied, await scenario.Engine.RateAsync(visitor, conversationId, EvaluationLevel.Dissatisfied));

        await using var db = scenario.NewContext();
        var stored = await db.Conversations.SingleAsync();
        Assert.Equal((EvaluationLevel.VerySatisfied, 3), (stored.EvaluationLevel!.Value, stored.RatingCount));
    }

    [Fact]
    public async Task Typing_previews_reach_the_agent_and_are_never_stored()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var (agent, visitor, conversationId) = await ConversationAsync(scenario);
        var previews = new List<string>();
        using var subscription = scenario.Events.Subscribe(EventTopic.Agent(agent), e =>
        {
            if (e is TypingPreviewed typing)
            {
                previews.Add(typing.Text);
            }
        });
        var before = await MessageCountAsync(scenario);

        scenario.Engine.PreviewTyping(visitor, conversationId, "我想问一下");

        Assert.Equal(["我想问一下"], previews);
        Assert.Equal(before, await MessageCountAsync(scenario));
    }

    [Fact]
    public async Task Leaving_a_message_from_the_queue_records_the_queue_outcome()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var a = await scenario.AddAgentAsync("a");
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(a, 0));
        await scenario.OnlineAsync(a);
        await scenario.Engine.SetStatusAsync(a, AgentStatus.Busy);
        var visitor = await scenario.AddVisitorAsync();
        var queued = await scenario.Engine.StartAsync(new StartRequest(visitor, entry));
        scenario.Clock.Advance(TimeSpan.FromSeconds(45));

        await scenario.Engine.LeaveMessageAsync(visitor, entry, new LeaveMessageContent("张三", "13800000000", null, "请回电"), queued.Conversation!.Id);

        await using var db = scenario.NewContext();
        var conversation = await db.Conversations.SingleAsync();
        Assert.Equal(QueueOutcome.LeftMessage, conversation.QueueOutcome);
        Assert.Equal(TimeSpan.FromSeconds(45), conversation.DequeuedAt - conversation.RequestedAt);
        Assert.Equal("请回电", (await db.LeaveMessages.SingleAsync()).Content);
    }

    private static async Task<(int Agent, long Visitor, long ConversationId)> ConversationAsync(EngineScenario scenario)
    {
        var agent = await scenario.AddAgentAsync("a");
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(agent, 0));
        await scenario.OnlineAsync(agent);
        var visitor = await scenario.AddVisitorAsync();
        return (agent, visitor, await scenario.StartActiveAsync(entry, visitor));
    }

    private static async Task<int> MessageCountAsync(EngineScenario scenario)
    {
        await using var db = scenario.NewContext();
        return await db.Messages.CountAsync();
    }

    private static async Task<List<string>> SystemTextsAsync(EngineScenario scenario)
    {
        await using var db = scenario.NewContext();
        return await db.Messages.Where(m => m.Sender == MessageSender.System && m.Kind == MessageKind.Text)
            .OrderBy(m => m.Seq).Select(m => m.Text).ToListAsync();
    }
}
