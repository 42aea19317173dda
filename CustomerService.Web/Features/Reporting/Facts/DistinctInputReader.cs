using CustomerService.Data;
using CustomerService.Domain.Orders;
using CustomerService.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Reporting.Facts;

/// <summary>A range's distinct-figure inputs as read from facts: user keys still as text.</summary>
public sealed record DistinctFactInputs(
    IReadOnlyList<(int AgentId, string Key)> ValidUsers,
    IReadOnlyList<(int? AgentId, string Key)> OrderingUsers,
    IReadOnlyList<(int AgentId, long Milliseconds)> InvalidWaits)
{
    public IEnumerable<string> Keys => ValidUsers.Select(u => u.Key).Concat(OrderingUsers.Select(o => o.Key)).Distinct(StringComparer.Ordinal);

    /// <summary>One <see cref="DistinctInputs"/> per agent (and one for orders credited to none), keys as their ids.</summary>
    public List<DistinctInputs> ToInputs(IReadOnlyDictionary<string, int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var valid = ValidUsers.ToLookup(u => (int?)u.AgentId, u => ids[u.Key]);
        var ordering = OrderingUsers.ToLookup(o => o.AgentId, o => ids[o.Key]);
        var waits = InvalidWaits.ToLookup(w => (int?)w.AgentId, w => w.Milliseconds);
        return valid.Select(g => g.Key).Concat(ordering.Select(g => g.Key)).Concat(waits.Select(g => g.Key))
            .Distinct()
            .Select(agent => new DistinctInputs(agent, valid[agent].Distinct().ToList(), ordering[agent].Distinct().ToList(), waits[agent].ToList()))
            .ToList();
    }
}

/// <summary>
/// Reads from facts what 有效咨询用户, 咨询下单用户 and 可挽回咨询 (SPEC I0) are made of, for a UTC range: the users of valid
/// consultations per agent, the users of 咨询订单 per 下单客服, and the invalid waits per agent. The one definition of
/// those inputs, used by the day roller and by reports for days not rolled.
/// </summary>
public sealed class DistinctInputReader
{
    public async Task<DistinctFactInputs> ReadAsync(CustomerServiceDbContext db, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var validUsers = (await (
                    from c in db.Conversations.AsNoTracking()
                    where c.RequestedAt >= fromUtc && c.RequestedAt < toUtc && c.AgentId != null
                          && c.VisitorMessageCount > 0 && c.AgentMessageCount > 0
                    join v in db.Visitors.AsNoTracking() on c.VisitorId equals v.Id
                    select new { AgentId = c.AgentId!.Value, v.ExternalUserId, c.VisitorId })
                .Distinct()
                .ToListAsync(cancellationToken))
            .Select(u => (u.AgentId, ConsultationFact.UserKeyOf(u.ExternalUserId, u.VisitorId)))
            .ToList();

        var orderingUsers = (await db.Orders.AsNoTracking()
                .Where(o => o.PlacedAt >= fromUtc && o.PlacedAt < toUtc && o.Type == OrderType.AfterConsultation && o.Status != OrderStatus.Cancelled)
                .Select(o => new { o.OrderAgentId, o.UserId })
                .Distinct()
                .ToListAsync(cancellationToken))
            .Select(o => (o.OrderAgentId, o.UserId))
            .ToList();

        var invalidWaits = (await db.Conversations.AsNoTracking()
                .Where(c => c.RequestedAt >= fromUtc && c.RequestedAt < toUtc && c.AgentId != null
                            && c.VisitorMessageCount > 0 && c.AgentMessageCount == 0
                            && c.EndedAt != null && c.FirstVisitorMessageAt != null)
                .Select(c => new { AgentId = c.AgentId!.Value, EndedAt = c.EndedAt!.Value, Spoke = c.FirstVisitorMessageAt!.Value })
                .ToListAsync(cancellationToken))
            .Select(c => (c.AgentId, (long)(c.EndedAt - c.Spoke).TotalMilliseconds))
            .ToList();
        return new DistinctFactInputs(validUsers, orderingUsers, invalidWaits);
    }
}
