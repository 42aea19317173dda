using CustomerService.Data;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Reporting.Facts;

/// <summary>
/// Reads the facts of a UTC range as the Domain's report samples (SPEC I4): the facts the engine writes when things
/// happen, never the messages. Each query filters on an indexed time column; nothing is tracked.
/// </summary>
public sealed class ReportFactLoader
{
    /// <summary>Everything whose period-membership time (SPEC I0) falls in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>).</summary>
    public async Task<ReportFacts> LoadAsync(
        CustomerServiceDbContext db, DateTime fromUtc, DateTime toUtc, TimeSpan attributionWindow, CancellationToken cancellationToken)
    {
        var conversations = await (
                from c in db.Conversations.AsNoTracking()
                where c.RequestedAt >= fromUtc && c.RequestedAt < toUtc
                join v in db.Visitors.AsNoTracking() on c.VisitorId equals v.Id
                select new
                {
                    c.Id, c.VisitorId, v.ExternalUserId, c.ReceptionGroupId, c.AgentId, c.RequestedAt, c.AssignedAt, c.EndedAt,
                    c.FirstVisitorMessageAt, c.VisitorMessageCount, c.AgentMessageCount, c.EvaluationLevel, c.ProblemSolved,
                    c.SummarizedAt,
                })
            .ToListAsync(cancellationToken);

        // 已购买咨询 needs the 咨询订单 placed up to one window after the last conversation of the range, 售后咨询 any
        // order placed up to one window before the first.
        var nearbyOrders = await db.Orders.AsNoTracking()
            .Where(o => o.PlacedAt >= fromUtc - attributionWindow && o.PlacedAt <= toUtc + attributionWindow)
            .Where(o => o.Status != Domain.Orders.OrderStatus.Cancelled)
            .Select(o => new { o.UserId, o.PlacedAt, o.Type })
            .ToListAsync(cancellationToken);
        var orderTimesByUser = TimesByUser(nearbyOrders.Where(o => o.Type == OrderType.AfterConsultation && o.PlacedAt > fromUtc).Select(o => (o.UserId, o.PlacedAt)));
        var anyOrderTimesByUser = TimesByUser(nearbyOrders.Where(o => o.PlacedAt < toUtc).Select(o => (o.UserId, o.PlacedAt)));

        var consultations = conversations
            .Where(c => c.AgentId is not null && c.AssignedAt is not null)
            .Select(c =>
            {
                var valid = ConsultationClassifier.Classify(c.VisitorMessageCount, c.AgentMessageCount) == ConsultationValidity.Valid;
                var purchased = valid && c.ExternalUserId is { } user && orderTimesByUser.TryGetValue(user, out var times)
                    && OrderAttribution.IsPurchased(c.RequestedAt, times, attributionWindow);
                var afterSale = valid && c.ExternalUserId is { } orderer && anyOrderTimesByUser.TryGetValue(orderer, out var placed)
                    && OrderAttribution.IsAfterSale(c.RequestedAt, placed, attributionWindow);
                return new ConsultationFact(
                    c.Id, c.VisitorId, c.ExternalUserId, c.ReceptionGroupId, c.AgentId!.Value, c.RequestedAt, c.AssignedAt!.Value,
                    c.EndedAt, c.FirstVisitorMessageAt, c.VisitorMessageCount, c.AgentMessageCount, c.EvaluationLevel,
                    c.ProblemSolved, c.SummarizedAt is not null, purchased, afterSale);
            })
            .ToList();

        // Every stay in a queue counts, by the time it entered (SPEC D3): a conversation requeued after its agent was
        // lost is two entries.
        var queue = await db.QueueEntries.AsNoTracking()
            .Where(e => e.EnteredAt >= fromUtc && e.EnteredAt < toUtc)
            .Select(e => new QueueSample(e.ReceptionGroupId, e.EnteredAt, e.Outcome, e.LeftAt))
            .ToListAsync(cancellationToken);

        var responses = await (
                from r in db.ResponseFacts.AsNoTracking()
                join c in db.Conversations.AsNoTracking() on r.ConversationId equals c.Id
                where c.RequestedAt >= fromUtc && c.RequestedAt < toUtc
                select new ResponseSample(r.ConversationId, r.AgentId, r.ResponseMilliseconds, r.IsFirst))
            .ToListAsync(cancellationToken);

        var transfers = await (
                from t in db.Transfers.AsNoTracking()
                join c in db.Conversations.AsNoTracking() on t.ConversationId equals c.Id
                where c.RequestedAt >= fromUtc && c.RequestedAt < toUtc && t.Kind == TransferKind.Transfer
                select new TransferSample(t.ConversationId, t.FromAgentId))
            .ToListAsync(cancellationToken);

        var statuses = await db.AgentStatusPeriods.AsNoTracking()
            .Where(p => p.StartedAt < toUtc && (p.EndedAt == null || p.EndedAt > fromUtc))
            .Select(p => new StatusSample(p.AgentId, p.Status, p.StartedAt, p.EndedAt))
            .ToListAsync(cancellationToken);

        var leaveMessages = await db.LeaveMessages.AsNoTracking()
            .Where(m => m.CreatedAt >= fromUtc && m.CreatedAt < toUtc)
            .Select(m => new LeaveMessageSample(m.Id, m.ReceptionGroupId, m.ResponsibleAgentId, m.HandledByAccountId, m.CreatedAt, m.HandledAt))
            .ToListAsync(cancellationToken);

        // 添加CRM counts what agents filed from the console (seed 002: 通过在线咨询系统手工录入), not imports or the API.
        var customersAdded = await db.Customers.AsNoTracking()
            .Where(p => p.CreatedAt >= fromUtc && p.CreatedAt < toUtc && p.Source == Domain.Customers.CustomerSource.Console && p.CreatedByAccountId != null)
            .Select(p => new CustomerAddedSample(p.CreatedByAccountId!.Value, p.CreatedAt))
            .ToListAsync(cancellationToken);

        var orders = await db.Orders.AsNoTracking()
            .Where(o => o.PlacedAt >= fromUtc && o.PlacedAt < toUtc && o.Status != Domain.Orders.OrderStatus.Cancelled)
            .ToListAsync(cancellationToken);

        // QC grades by their conversation's request time (SPEC I0), with the revision's points when there is one.
        var qcGrades = await db.QcGrades.AsNoTracking()
            .Where(g => g.ConversationRequestedAt >= fromUtc && g.ConversationRequestedAt < toUtc)
            .Select(g => new QcGradeSample(g.ConversationId, g.RevisedPoints ?? g.Points, g.RevisedPossible ?? g.Possible))
            .ToListAsync(cancellationToken);

        return new ReportFacts
        {
            Consultations = consultations,
            Responses = responses,
            Transfers = transfers,
            Statuses = statuses,
            LeaveMessages = leaveMessages,
            Queue = queue,
            CustomersAdded = customersAdded,
            Orders = orders.Select(o => new OrderSample(
                o.OrderId, o.Amount, o.PlacedAt, o.PaidAt, o.Type, o.OrderAgentId, o.AttributedReceptionGroupId,
                o.AssistingAgentIds, o.AttributedRequestedAt)).ToList(),
            QcGrades = qcGrades,
        };
    }

    private static Dictionary<string, IReadOnlyList<DateTime>> TimesByUser(IEnumerable<(string UserId, DateTime PlacedAt)> orders) =>
        orders.GroupBy(o => o.UserId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<DateTime>)g.Select(o => o.PlacedAt).Order().ToList(), StringComparer.Ordinal);
}
