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
        var validUsers = (await (
                    from c in db.Conversations.AsNoTracking()
                    where c.RequestedAt >= fromUtc && c.RequestedAt < toUtc && c.AgentId != null
                          && c.VisitorMessageCount > 0 && c.AgentMessageCount > 0
                    join v in db.Visitors.AsNoTracking() on c.VisitorId equals v.Id
                    select new { AgentId = c.AgentId!.Value, v.ExternalUserId, c.VisitorId })
                .Distinct()
                .ToListAsync(cancellationToken))
            .Where(u => audience.Includes(u.AgentId))
            .Select(u => (u.AgentId, Key: ConsultationFact.UserKeyOf(u.ExternalUserId, u.VisitorId)))
            .ToList();

        var orderingUsers = (await db.Orders.AsNoTracking()
                .Where(o => o.PlacedAt >= fromUtc && o.PlacedAt < toUtc && o.Type == OrderType.AfterConsultation && o.Status != OrderStatus.Cancelled)
                .Select(o => new { o.OrderAgentId, o.UserId })
                .Distinct()
                .ToListAsync(cancellationToken))
            .Where(o => audience.Includes(o.OrderAgentId))
            .ToList();

        var invalidWaits = (await db.Conversations.AsNoTracking()
                .Where(c => c.RequestedAt >= fromUtc && c.RequestedAt < toUtc && c.AgentId != null
                            && c.VisitorMessageCount > 0 && c.AgentMessageCount == 0
                            && c.EndedAt != null && c.FirstVisitorMessageAt != null)
                .Select(c => new { AgentId = c.AgentId!.Value, EndedAt = c.EndedAt!.Value, Spoke = c.FirstVisitorMessageAt!.Value })
                .ToListAsync(cancellationToken))
            .Where(c => audience.Includes(c.AgentId))
            .Select(c => (c.AgentId, Milliseconds: (long)(c.EndedAt - c.Spoke).TotalMilliseconds))
            .ToList();

        var usersByAgent = validUsers.ToLookup(u => u.AgentId, u => u.Key);
        var orderersByAgent = orderingUsers.Where(o => o.OrderAgentId is not null).ToLookup(o => o.OrderAgentId!.Value, o => o.UserId);
        var waitsByAgent = invalidWaits.ToLookup(w => w.AgentId, w => w.Milliseconds);
        var byAgent = usersByAgent.Select(g => g.Key).Concat(orderersByAgent.Select(g => g.Key)).Concat(waitsByAgent.Select(g => g.Key))
            .Distinct()
            .ToDictionary(
                id => id,
                id => new DistinctFigures(
                    usersByAgent[id].Distinct(StringComparer.Ordinal).LongCount(),
                    orderersByAgent[id].Distinct(StringComparer.Ordinal).LongCount(),
                    RecoverableConsultations.Count(waitsByAgent[id].ToList())));
        var total = new DistinctFigures(
            validUsers.Select(u => u.Key).Distinct(StringComparer.Ordinal).LongCount(),
            orderingUsers.Select(o => o.UserId).Distinct(StringComparer.Ordinal).LongCount(),
            RecoverableConsultations.Count(invalidWaits.Select(w => w.Milliseconds).ToList()));
        return new DistinctFigureSet(total, byAgent);
    }
}
