using CustomerService.Domain.Conversations;
using CustomerService.Domain.Qc;

namespace CustomerService.Domain.Reporting;

/// <summary>
/// Rolls one local day of facts into rollup rows (SPEC I4), crediting every figure as SPEC I0 says. Idempotent: the same
/// facts give the same rows, in the same order (hour, agent, group; none first).
/// </summary>
public static class DailyRollup
{
    private const long WithinThirtySecondsMilliseconds = 30_000;
    private static readonly TimeSpan Within24Hours = TimeSpan.FromHours(24);
    private static readonly TimeSpan Within3Days = TimeSpan.FromHours(72);

    /// <summary>The scale of <see cref="RollupTotals.QcScoreSum"/>'s column (decimal(20, 6)), the same as the QC statistics'.</summary>
    public const int QcScoreSumDecimals = QcTally.SumDecimals;

    /// <summary>
    /// The rows of <paramref name="localDate"/>: only facts whose period-membership time (SPEC I0: a conversation's
    /// request, an order's placing, a leave-message's creation, a queue entry) falls in that local day, and the parts of
    /// status stretches inside it, an open one counting up to <paramref name="now"/>. No row is all zeros.
    /// </summary>
    public static IReadOnlyList<RollupRow> Roll(DateOnly localDate, TimeZoneInfo zone, ReportFacts facts, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(facts);
        var day = new LocalDay(localDate, zone);
        var rows = new RollupRowSet(localDate);
        var conversations = facts.Consultations.Where(c => day.Contains(c.RequestedAt)).ToDictionary(c => c.ConversationId);

        CreditConsultations(day, conversations.Values, facts.Responses, rows);
        CreditResponses(day, conversations, facts.Responses, rows);
        CreditTransfers(day, conversations, facts.Transfers, rows);
        CreditStatusTime(day, facts.Statuses, now, rows);
        CreditLeaveMessages(day, facts.LeaveMessages, rows);
        CreditQueue(day, facts.Queue, rows);
        CreditCustomersAdded(day, facts.CustomersAdded, rows);
        CreditOrders(day, zone, facts.Orders, rows);
        CreditQc(day, conversations, facts.QcGrades, rows);
        return rows.ToList();
    }

    /// <summary>Conversation figures go to the agent responsible when it ended (SPEC I0), in its group and request hour.</summary>
    private static void CreditConsultations(
        LocalDay day, IEnumerable<ConsultationFact> conversations, IReadOnlyList<ResponseSample> responses, RollupRowSet rows)
    {
        var firstResponses = new Dictionary<long, ResponseSample>();
        foreach (var response in responses.Where(r => r.IsFirst))
        {
            firstResponses.TryAdd(response.ConversationId, response);
        }

        foreach (var c in conversations)
        {
            var hour = day.HourOf(c.RequestedAt);
            var row = rows.For(hour, c.AgentId, c.ReceptionGroupId);
            row.Consultations++;
            if (c.Valid)
            {
                row.Valid++;
                row.ValidMessages += c.VisitorMessages + c.AgentMessages;
                row.Summarized += c.Summarized ? 1 : 0;
                row.PurchasedConsultations += c.Purchased ? 1 : 0;
                row.AfterSaleConsultations += c.AfterSale ? 1 : 0;
            }

            if (c.Duration is { } duration)
            {
                row.DurationCount++;
                row.DurationMilliseconds += Milliseconds(duration);
            }

            if (c.InvalidWait is { } wait)
            {
                row.InvalidSpoke++;
                row.InvalidWaitMilliseconds += Milliseconds(wait);
            }

            CountRating(row, c.Evaluation);
            row.Resolved += c.Solved == true ? 1 : 0;
            row.Unresolved += c.Solved == false ? 1 : 0;

            if (c.VisitorSpoke)
            {
                // SPEC I0 is silent on whose 30秒应答率 this is: the agent who answered first (his speed is measured),
                // or, when nobody answered, the agent responsible for the conversation (his miss).
                var first = firstResponses.GetValueOrDefault(c.ConversationId);
                var answerRow = rows.For(hour, first?.AgentId ?? c.AgentId, c.ReceptionGroupId);
                answerRow.VisitorSpoke++;
                answerRow.AnsweredWithin30s += first is { Milliseconds: <= WithinThirtySecondsMilliseconds } ? 1 : 0;
            }
        }
    }

    private static void CountRating(RollupRow row, EvaluationLevel? evaluation)
    {
        switch (evaluation)
        {
            case EvaluationLevel.VerySatisfied:
                row.VerySatisfied++;
                break;
            case EvaluationLevel.Satisfied:
                row.Satisfied++;
                break;
            case EvaluationLevel.Neutral:
                row.Neutral++;
                break;
            case EvaluationLevel.Dissatisfied:
                row.Dissatisfied++;
                break;
            case EvaluationLevel.VeryDissatisfied:
                row.VeryDissatisfied++;
                break;
            case null:
                break;
        }
    }

    /// <summary>Responses in valid conversations go to the responder (SPEC I0), in the conversation's group and hour.</summary>
    private static void CreditResponses(
        LocalDay day, Dictionary<long, ConsultationFact> conversations, IReadOnlyList<ResponseSample> responses, RollupRowSet rows)
    {
        foreach (var response in responses)
        {
            if (!conversations.TryGetValue(response.ConversationId, out var c) || !c.Valid)
            {
                continue;
            }

            var row = rows.For(day.HourOf(c.RequestedAt), response.AgentId, c.ReceptionGroupId);
            if (response.IsFirst)
            {
                row.FirstResponses++;
                row.FirstResponseMilliseconds += response.Milliseconds;
            }

            row.Responses++;
            row.ResponseMilliseconds += response.Milliseconds;
            row.CountInBucket(ResponseBuckets.IndexOf(response.Milliseconds));
        }
    }

    /// <summary>转接咨询 goes to the agent who initiated the transfer, in the conversation's group and hour.</summary>
    private static void CreditTransfers(
        LocalDay day, Dictionary<long, ConsultationFact> conversations, IReadOnlyList<TransferSample> transfers, RollupRowSet rows)
    {
        foreach (var transfer in transfers)
        {
            if (conversations.TryGetValue(transfer.ConversationId, out var c))
            {
                rows.For(day.HourOf(c.RequestedAt), transfer.FromAgentId, c.ReceptionGroupId).Transfers++;
            }
        }
    }

    /// <summary>Status time goes to the agent, in no group, clipped to each local hour; an open stretch runs until now.</summary>
    private static void CreditStatusTime(LocalDay day, IReadOnlyList<StatusSample> statuses, DateTime now, RollupRowSet rows)
    {
        foreach (var stretch in statuses)
        {
            if (stretch.Status == AgentStatus.Offline)
            {
                continue;
            }

            var ended = stretch.EndedAt ?? now;
            foreach (var hour in day.Hours)
            {
                var start = Math.Max(stretch.StartedAt.Ticks, hour.Start.Ticks);
                var end = Math.Min(ended.Ticks, hour.End.Ticks);
                var length = (end - start) / TimeSpan.TicksPerMillisecond;
                if (length <= 0)
                {
                    continue;
                }

                var row = rows.For(hour.Hour, stretch.AgentId, null);
                switch (stretch.Status)
                {
                    case AgentStatus.Online:
                        row.OnlineMilliseconds += length;
                        break;
                    case AgentStatus.Busy:
                        row.BusyMilliseconds += length;
                        break;
                    case AgentStatus.Away:
                        row.AwayMilliseconds += length;
                        break;
                    case AgentStatus.Offline:
                        break;
                }
            }
        }
    }

    /// <summary>Leave-messages go to the responsible agent, else the handler, else nobody, in their group (SPEC I0).</summary>
    private static void CreditLeaveMessages(LocalDay day, IReadOnlyList<LeaveMessageSample> leaveMessages, RollupRowSet rows)
    {
        foreach (var message in leaveMessages.Where(m => day.Contains(m.CreatedAt)))
        {
            var row = rows.For(
                day.HourOf(message.CreatedAt), message.ResponsibleAgentId ?? message.HandledByAgentId, message.ReceptionGroupId);
            row.LeaveMessages++;
            if (message.HandledAt is { } handled)
            {
                row.LeaveMessagesHandled++;
                row.LeaveMessagesHandled24h += handled - message.CreatedAt <= Within24Hours ? 1 : 0;
            }
        }
    }

    /// <summary>Queue entries go to no agent, in the entry's group. Waits are known once the request left the queue.</summary>
    private static void CreditQueue(LocalDay day, IReadOnlyList<QueueSample> queue, RollupRowSet rows)
    {
        foreach (var entry in queue.Where(q => day.Contains(q.EnteredAt)))
        {
            var row = rows.For(day.HourOf(entry.EnteredAt), null, entry.ReceptionGroupId);
            row.Queued++;
            var wait = entry.LeftAt is { } left ? Milliseconds(left - entry.EnteredAt) : 0;
            row.QueueMaxWaitMilliseconds = Math.Max(row.QueueMaxWaitMilliseconds, wait);
            switch (entry.Outcome)
            {
                case QueueOutcome.Served:
                    row.QueueServed++;
                    row.QueueServedWaitMilliseconds += wait;
                    break;
                case QueueOutcome.LeftMessage:
                    row.QueueLeftMessage++;
                    break;
                case QueueOutcome.Abandoned:
                    row.QueueAbandoned++;
                    row.QueueAbandonedWaitMilliseconds += wait;
                    break;
                case null:
                    break;
            }
        }
    }

    private static void CreditCustomersAdded(LocalDay day, IReadOnlyList<CustomerAddedSample> customers, RollupRowSet rows)
    {
        foreach (var customer in customers.Where(c => day.Contains(c.CreatedAt)))
        {
            rows.For(day.HourOf(customer.CreatedAt), customer.AgentId, null).CrmAdded++;
        }
    }

    /// <summary>
    /// Only 咨询订单 count (SPEC I0): to the 下单客服 (none when the loader has none), in the attributed conversation's
    /// group; each assisting agent gets one 协助下单, and the 下单客服's row counts the order as assisted once.
    /// </summary>
    private static void CreditOrders(LocalDay day, TimeZoneInfo zone, IReadOnlyList<OrderSample> orders, RollupRowSet rows)
    {
        foreach (var order in orders.Where(o => o.Type == OrderType.AfterConsultation && day.Contains(o.PlacedAt)))
        {
            var hour = day.HourOf(order.PlacedAt);
            var row = rows.For(hour, order.OrderAgentId, order.ReceptionGroupId);
            row.ConsultationOrders++;
            row.OrderAmount += order.Amount;
            row.PaidOrders += order.PaidAt is null ? 0 : 1;
            if (order.AttributedRequestedAt is { } requested)
            {
                var elapsed = order.PlacedAt - requested;
                row.Orders24h += elapsed <= Within24Hours ? 1 : 0;
                row.Orders3d += elapsed <= Within3Days ? 1 : 0;
                row.OrdersSameDay += ReportPeriod.LocalDate(order.PlacedAt, zone) == ReportPeriod.LocalDate(requested, zone) ? 1 : 0;
            }

            var assisting = order.AssistingAgentIds.Distinct().ToList();
            row.OrdersWithAssistance += assisting.Count > 0 ? 1 : 0;
            foreach (var agent in assisting)
            {
                rows.For(hour, agent, order.ReceptionGroupId).AssistedOrders++;
            }
        }
    }

    /// <summary>
    /// QC figures (SPEC I0): per graded conversation of the day, its score = the average of its grades' scores, credited
    /// to the conversation's final agent in its request hour and group; the band from the exact score.
    /// </summary>
    private static void CreditQc(
        LocalDay day, Dictionary<long, ConsultationFact> conversations, IReadOnlyList<QcGradeSample> grades, RollupRowSet rows)
    {
        foreach (var graded in grades.GroupBy(g => g.ConversationId))
        {
            if (!conversations.TryGetValue(graded.Key, out var c)
                || QcScore.Average(graded.Select(g => QcScore.Of(g.Points, g.Possible))) is not { } score)
            {
                continue;
            }

            var row = rows.For(day.HourOf(c.RequestedAt), c.AgentId, c.ReceptionGroupId);
            row.QcGraded++;
            row.QcScoreSum += Math.Round(score.Value, QcScoreSumDecimals, MidpointRounding.AwayFromZero);
            switch (score.Band)
            {
                case QcBand.Excellent:
                    row.QcExcellent++;
                    break;
                case QcBand.Good:
                    row.QcGood++;
                    break;
                case QcBand.Pass:
                    row.QcPass++;
                    break;
                case QcBand.Poor:
                    row.QcPoor++;
                    break;
            }
        }
    }

    private static long Milliseconds(TimeSpan span) => span.Ticks / TimeSpan.TicksPerMillisecond;
}
