using CustomerService.Data;
using CustomerService.Domain.Orders;
using CustomerService.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Reporting.Facts;

/// <summary>The figures that do not add up across days, per agent and for the audience's total.</summary>
public sealed record DistinctFigureSet(DistinctFigures Total, IReadOnlyDictionary<int, DistinctFigures> ByAgent)
{
    public DistinctFigures ForAgent(int agentId) => ByAgent.GetValueOrDefault(agentId) ?? DistinctFigures.None;
}

/// <summary>
/// 有效咨询用户, 咨询下单用户 and 可挽回咨询 (SPEC I0, I4) for a period, from facts: distinct users are not the sum of each
/// day's, and 可挽回 compares each wait with the period's average. A total counts a user once however many of the
/// audience's agents served him.
/// </summary>
public sealed class DistinctFigureReader
{
    public async Task<DistinctFigureSet> ReadAsync(
        CustomerServiceDbContext db, DateTime fromUtc, DateTime toUtc, ReportAudience audience, CancellationToken cancellationToken)
    {
        var agentIds = audience.AgentIds.ToList();

        // Counted in SQL (COUNT DISTINCT per agent and for the total): a year holds a million conversations, and reading
        // every (agent, user) pair into memory cost seconds. The key is ConsultationFact.UserKey's, built in SQL.
        var validUsers =
            from c in db.Conversations.AsNoTracking()
            where c.RequestedAt >= fromUtc && c.RequestedAt < toUtc && c.AgentId != null
                  && c.VisitorMessageCount > 0 && c.AgentMessageCount > 0
                  && agentIds.Contains(c.AgentId!.Value)
            join v in db.Visitors.AsNoTracking() on c.VisitorId equals v.Id
            select new { AgentId = c.AgentId!.Value, Key = v.ExternalUserId != null ? "user:" + v.ExternalUserId : "visitor:" + c.VisitorId };
        var usersByAgent = await validUsers
            .GroupBy(u => u.AgentId)
            .Select(g => new { g.Key, Count = g.Select(u => u.Key).Distinct().LongCount() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var usersTotal = await validUsers.Select(u => u.Key).Distinct().LongCountAsync(cancellationToken);

        // 咨询订单 always have a 下单客服; the total counts the orders of the audience's agents.
        var orders = db.Orders.AsNoTracking()
            .Where(o => o.PlacedAt >= fromUtc && o.PlacedAt < toUtc && o.Type == OrderType.AfterConsultation && o.Status != OrderStatus.Cancelled)
            .Where(o => o.OrderAgentId != null ? agentIds.Contains(o.OrderAgentId.Value) : audience.WholeEnterprise);
        var orderersByAgent = await orders
            .Where(o => o.OrderAgentId != null)
            .GroupBy(o => o.OrderAgentId!.Value)
            .Select(g => new { g.Key, Count = g.Select(o => o.UserId).Distinct().LongCount() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var orderersTotal = await orders.Select(o => o.UserId).Distinct().LongCountAsync(cancellationToken);

        var invalidWaits = (await db.Conversations.AsNoTracking()
                .Where(c => c.RequestedAt >= fromUtc && c.RequestedAt < toUtc && c.AgentId != null
                            && c.VisitorMessageCount > 0 && c.AgentMessageCount == 0
                            && c.EndedAt != null && c.FirstVisitorMessageAt != null
                            && agentIds.Contains(c.AgentId!.Value))
                .Select(c => new { AgentId = c.AgentId!.Value, EndedAt = c.EndedAt!.Value, Spoke = c.FirstVisitorMessageAt!.Value })
                .ToListAsync(cancellationToken))
            .Select(c => (c.AgentId, Milliseconds: (long)(c.EndedAt - c.Spoke).TotalMilliseconds))
            .ToList();
        var waitsByAgent = invalidWaits.ToLookup(w => w.AgentId, w => w.Milliseconds);

        var byAgent = usersByAgent.Keys.Concat(orderersByAgent.Keys).Concat(waitsByAgent.Select(g => g.Key))
            .Distinct()
            .ToDictionary(
                id => id,
                id => new DistinctFigures(
                    usersByAgent.GetValueOrDefault(id),
                    orderersByAgent.GetValueOrDefault(id),
                    RecoverableConsultations.Count(waitsByAgent[id].ToList())));
        var total = new DistinctFigures(usersTotal, orderersTotal, RecoverableConsultations.Count(invalidWaits.Select(w => w.Milliseconds).ToList()));
        return new DistinctFigureSet(total, byAgent);
    }
}
