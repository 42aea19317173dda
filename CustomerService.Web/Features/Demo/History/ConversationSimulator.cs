using CustomerService.Domain.Conversations;
using CustomerService.Domain.Customers;
using CustomerService.Domain.Routing;

namespace CustomerService.Web.Features.Demo.History;

/// <summary>A request as planned: when, whose queue, the agent who would take it, whether it queues first.</summary>
public sealed record PlannedRequest(DateTime RequestedAt, HistoryAgent Agent, bool Queued);

/// <summary>
/// Plays one request through the <see cref="Conversation"/> aggregate with generated clock times — enqueue, assign,
/// messages, transfer, evaluation, end, rating, summary — exactly as the engine calls it, so every stored counter, the
/// first response, the queue outcome and the response facts are what the engine would have written (SPEC N1b).
/// </summary>
internal sealed class ConversationSimulator(
    Random random, HistoryStaff staff, HistoryIds ids, HistoryVisitors visitors, HistoryOrders orders, HistoryLeaveMessages leaveMessages,
    HistoryPageViews pages)
{
    private readonly HashSet<long> _customers = [];

    public void Play(HistoryDay day, PlannedRequest request)
    {
        var at = request.RequestedAt;
        var (visitorId, userId) = visitors.Next(day, at);
        var agent = request.Agent;
        var page = HistoryPhrases.Pages[random.Next(HistoryPhrases.Pages.Length)];
        var conversation = new Conversation(
            ++ids.Conversation, visitorId, agent.EntryId, agent.ReceptionGroupId, isVip: false, at,
            new StartContext("https://shop.example.com" + page, "示例商城", random.Next(3) == 0 ? "https://www.baidu.com/" : null));
        day.Conversations.Add(conversation);
        pages.Visit(day, visitorId, at, page, "示例商城");
        var talk = new Transcript(day, conversation, ids);

        if (request.Queued)
        {
            conversation.Enqueue(null, ++ids.QueueTicket);
            var wait = Seconds(5, 240);
            if (random.NextDouble() < 0.3)
            {
                // A visitor who writes while queued waits for an answer from the assignment on (SPEC I0).
                talk.Visitor(Pick(HistoryPhrases.VisitorOpenings), at + Seconds(2, 5));
            }

            var outcome = random.NextDouble();
            if (outcome < 0.1)
            {
                var leftAt = at + wait;
                talk.Notice(NoticeCode.Ended, nameof(EndReason.Visitor), leftAt);
                conversation.EndWithLeaveMessage(leftAt);
                day.LeaveMessages.Add(leaveMessages.Create(visitorId, agent.EntryId, agent.ReceptionGroupId, conversation.Id, leftAt, responsibleAgentId: null));
                return;
            }

            if (outcome < 0.2)
            {
                var lastSign = at + wait;
                talk.Notice(NoticeCode.Ended, nameof(EndReason.VisitorGone), lastSign + TimeSpan.FromSeconds(60));
                conversation.AbandonQueue(lastSign, lastSign + TimeSpan.FromSeconds(60));
                return;
            }

            at += wait;
        }
        else
        {
            at += Seconds(0, 2);
        }

        conversation.Assign(agent.Id, userId is null ? AssignmentReason.RoundRobin : AssignmentReason.ReturningVisitor, at);
        var scenario = random.NextDouble();
        if (scenario < 0.06)
        {
            Silent(talk, agent, at);
            return;
        }

        if (scenario < 0.12 && conversation.VisitorMessageCount == 0)
        {
            Unanswered(talk, at);
            return;
        }

        Served(day, talk, agent, at, visitorId, userId);
    }

    /// <summary>The visitor never writes (无效咨询); sometimes the agent greets him into the void.</summary>
    private void Silent(Transcript talk, HistoryAgent agent, DateTime at)
    {
        if (random.NextDouble() < 0.4)
        {
            talk.Agent(agent, Pick(HistoryPhrases.AgentGreetings), at + Seconds(2, 10));
        }

        var end = at + Seconds(300, 600);
        talk.Notice(NoticeCode.Ended, nameof(EndReason.Timeout), end);
        talk.Conversation.End(EndReason.Timeout, null, end);
    }

    /// <summary>The visitor asks, nobody answers, he leaves (无效咨询 with a wait: 可挽回咨询's material).</summary>
    private void Unanswered(Transcript talk, DateTime at)
    {
        var t = at + Seconds(3, 20);
        talk.Visitor(Pick(HistoryPhrases.VisitorOpenings), t);
        if (random.NextDouble() < 0.4)
        {
            t += Seconds(20, 90);
            talk.Visitor("有人吗？", t);
        }

        var end = t + Seconds(30, 400);
        talk.Notice(NoticeCode.Ended, nameof(EndReason.Visitor), end);
        talk.Conversation.End(EndReason.Visitor, null, end);
    }

    private void Served(HistoryDay day, Transcript talk, HistoryAgent agent, DateTime at, long visitorId, string? userId)
    {
        var conversation = talk.Conversation;
        var t = at;
        var turns = random.Next(2, 8);
        var current = agent;
        var invited = false;
        for (var turn = 0; turn < turns; turn++)
        {
            if (!(turn == 0 && conversation.VisitorMessageCount > 0))
            {
                t += Seconds(5, 60);
                talk.Visitor(Pick(turn == 0 ? HistoryPhrases.VisitorOpenings : HistoryPhrases.VisitorFollowUps), t);
                if (random.NextDouble() < 0.2)
                {
                    t += Seconds(2, 15);
                    talk.Visitor(Pick(HistoryPhrases.VisitorFollowUps), t);
                }
            }

            t += ResponseDelay();
            talk.Agent(current, Pick(turn == 0 ? HistoryPhrases.AgentGreetings : HistoryPhrases.AgentAnswers), t);
            if (random.NextDouble() < 0.2)
            {
                t += Seconds(3, 30);
                talk.Agent(current, Pick(HistoryPhrases.AgentAnswers), t);
            }

            if (turn == 1 && random.NextDouble() < 0.03 && Transfer(day, talk, current, ref t) is { } colleague)
            {
                current = colleague;
            }

            if (userId is not null && !_customers.Contains(visitorId) && random.NextDouble() < 0.05)
            {
                // 添加CRM: the agent files the customer's details from the console.
                var profile = Customer.FromConsole(
                    visitorId,
                    userId,
                    new CustomerDetails(Pick(HistoryPhrases.CustomerNames), "13" + random.Next(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture), null, "来自在线咨询"),
                    current.Id,
                    t + Seconds(1, 20));
                day.Customers.Add(profile);
                _customers.Add(visitorId);
            }
        }

        if (random.NextDouble() < 0.3 && conversation.InviteEvaluation(current.Id).Succeeded)
        {
            t += Seconds(2, 10);
            talk.Notice(NoticeCode.EvaluationInvited, string.Empty, t);
            invited = true;
        }

        var end = t + Seconds(10, 180);
        var byVisitor = random.NextDouble() < 0.6;
        talk.Notice(NoticeCode.Ended, byVisitor ? nameof(EndReason.Visitor) : nameof(EndReason.Agent), end);
        conversation.End(byVisitor ? EndReason.Visitor : EndReason.Agent, byVisitor ? null : current.Id, end);

        if (random.NextDouble() < (invited ? 0.6 : 0.1))
        {
            var solved = random.NextDouble() < 0.7 ? random.NextDouble() < 0.85 : (bool?)null;
            conversation.Rate(Level(), random.NextDouble() < 0.2 ? "服务很好" : null, staff.Evaluation, solved);
        }

        if (random.NextDouble() < 0.75)
        {
            // Most summaries are filed on closing; some the next morning (a late summary re-rolls its day, SPEC I4).
            var summarizedAt = random.NextDouble() < 0.1 ? end + TimeSpan.FromHours(random.Next(8, 20)) : end + Seconds(5, 60);
            var summary = new ConsultationSummary(staff.LeafTypeIds[random.Next(staff.LeafTypeIds.Count)], random.NextDouble() < 0.3 ? Pick(HistoryPhrases.SummaryNotes) : null);
            if (ConsultationSummaryRules.Check(summary, staff.Types, typeRequired: false) is null)
            {
                conversation.Summarize(summary, current.Id, summarizedAt);
            }
        }

        if (userId is not null)
        {
            orders.AroundConsultation(day, userId, conversation.RequestedAt, end);
        }
    }

    /// <summary>会话转接 to a colleague of the same reception group through the aggregate; rarely declined.</summary>
    private HistoryAgent? Transfer(HistoryDay day, Transcript talk, HistoryAgent from, ref DateTime t)
    {
        var colleagues = staff.AgentsByGroup[from.ReceptionGroupId].Where(a => a.Id != from.Id).ToList();
        if (colleagues.Count == 0)
        {
            return null;
        }

        var to = colleagues[random.Next(colleagues.Count)];
        var colleague = new Colleague(to.Id, IsEnabled: true, AgentStatus.Online, Load: 1, MaxLoad: 5);
        t += Seconds(5, 20);
        var offer = talk.Conversation.RequestTransfer(ids.Transfer + 1, TransferKind.Transfer, from.Id, to.Id, null, [colleague], t);
        if (!offer.Succeeded)
        {
            return null;
        }

        ids.Transfer++;

        var transfer = offer.Value!.Transfer;
        day.Transfers.Add(transfer);
        t += Seconds(5, 40);
        if (random.NextDouble() < 0.15)
        {
            talk.Conversation.DeclineTransfer(transfer.Id, to.Id, isMemberOfTargetGroup: false, t);
            return null;
        }

        talk.Conversation.AcceptTransfer(transfer.Id, colleague, isMemberOfTargetGroup: false, t);
        talk.Notice(NoticeCode.Transferred, to.ExternalName, t);
        return to;
    }

    /// <summary>Response times an e-commerce team really shows: mostly seconds, a tail of minutes.</summary>
    private TimeSpan ResponseDelay()
    {
        var r = random.NextDouble();
        return r < 0.55 ? Seconds(3, 15)
            : r < 0.80 ? Seconds(15, 40)
            : r < 0.92 ? Seconds(40, 120)
            : r < 0.98 ? Seconds(120, 360)
            : Seconds(360, 1200);
    }

    private EvaluationLevel Level()
    {
        var r = random.NextDouble();
        return r < 0.55 ? EvaluationLevel.VerySatisfied
            : r < 0.80 ? EvaluationLevel.Satisfied
            : r < 0.90 ? EvaluationLevel.Neutral
            : r < 0.96 ? EvaluationLevel.Dissatisfied
            : EvaluationLevel.VeryDissatisfied;
    }

    private TimeSpan Seconds(int min, int max) => TimeSpan.FromMilliseconds(random.Next(min * 1000, max * 1000));

    private string Pick(string[] texts) => texts[random.Next(texts.Length)];

    /// <summary>Messages of one conversation, counted by the aggregate and numbered like the engine numbers them.</summary>
    private sealed class Transcript(HistoryDay day, Conversation conversation, HistoryIds ids)
    {
        public Conversation Conversation => conversation;

        public void Visitor(string text, DateTime at) => Append(MessageSender.Visitor, null, null, MessageKind.Text, text, at, null);

        public void Agent(HistoryAgent agent, string text, DateTime at) => Append(MessageSender.Agent, agent.Id, agent.ExternalName, MessageKind.Text, text, at, null);

        public void Notice(string code, string argument, DateTime at) => Append(MessageSender.System, null, null, MessageKind.Notice, argument, at, code);

        private void Append(MessageSender sender, int? agentId, string? name, MessageKind kind, string text, DateTime at, string? notice)
        {
            var (seq, response) = conversation.RecordMessage(sender, kind, at);
            day.Messages.Add(new ChatMessage(++ids.Message, conversation.Id, seq, sender, agentId, name, kind, text, at, notice: notice));
            if (response is not null && agentId is { } responder)
            {
                day.Responses.Add(new ResponseFact(conversation.Id, responder, response));
            }
        }
    }
}
