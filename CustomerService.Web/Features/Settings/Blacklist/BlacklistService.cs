using System.Net;
using CustomerService.Web.Features.Visitors.Api;
using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Settings.Blacklist;

/// <summary>An active blacklist entry as the settings list shows it; <see cref="CreatedAt"/> is on the enterprise's clock.</summary>
public sealed record BlacklistRow(
    long Id, long? VisitorId, string? VisitorName, string? Ip, string Reason, string CreatedBy, DateTime CreatedAt);

/// <summary>
/// 黑名单管理 (SPEC D11, K; seed 002 设置 “六、黑名单”). The list is read from the database; blocking and lifting go through
/// the <see cref="ConversationEngine"/>, which keeps the active entries in memory to route every new request, so a
/// change takes effect for the next request without a restart.
/// </summary>
public sealed class BlacklistService(IDbContextFactory<CustomerServiceDbContext> dbFactory, ConversationEngine engine)
{
    public async Task<IReadOnlyList<BlacklistRow>> ListActiveAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var zone = await EnterpriseClock.TimeZoneAsync(db, cancellationToken);
        var rows = await (
                from entry in db.Blacklist.AsNoTracking().Where(b => b.LiftedAt == null)
                join visitor in db.Visitors on entry.VisitorId equals (long?)visitor.Id into visitors
                from visitor in visitors.DefaultIfEmpty()
                join account in db.Accounts on entry.CreatedByAccountId equals account.Id into accounts
                from account in accounts.DefaultIfEmpty()
                orderby entry.CreatedAt descending, entry.Id descending
                select new
                {
                    entry.Id,
                    entry.VisitorId,
                    VisitorName = visitor == null ? null : visitor.Name ?? visitor.ExternalUserId,
                    entry.Ip,
                    entry.Reason,
                    CreatedBy = account == null ? null : account.InternalName,
                    entry.CreatedAt,
                })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new BlacklistRow(
            r.Id, r.VisitorId, r.VisitorName, r.Ip, r.Reason, r.CreatedBy ?? string.Empty, EnterpriseClock.ToLocal(r.CreatedAt, zone)))];
    }

    /// <summary>
    /// Blocks a visitor (by the id the system gave him), an IP, or both. Refused without a reason or a target, for an
    /// unknown visitor, a malformed IP, or when everything named is already blocked.
    /// </summary>
    public async Task<Outcome<long>> BlockAsync(int actorId, long? visitorId, string? ip, string? reason, CancellationToken cancellationToken = default)
    {
        var normalizedIp = string.IsNullOrWhiteSpace(ip) ? null : Normalize(ip);
        var violation = BlacklistEntry.CheckReason(reason)
            ?? (visitorId is null && string.IsNullOrWhiteSpace(ip) ? new RuleViolation("Required", "Blacklist.Target") : null)
            ?? (!string.IsNullOrWhiteSpace(ip) && normalizedIp is null ? new RuleViolation("IpFormat") : null);
        if (violation is not null)
        {
            return violation;
        }

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (visitorId is { } id && !await db.Visitors.AnyAsync(v => v.Id == id, cancellationToken))
            {
                return new RuleViolation("VisitorUnknown");
            }

            var active = db.Blacklist.Where(b => b.LiftedAt == null);
            var visitorBlocked = visitorId is null || await active.AnyAsync(b => b.VisitorId == visitorId, cancellationToken);
            var ipBlocked = normalizedIp is null || await active.AnyAsync(b => b.Ip == normalizedIp, cancellationToken);
            if (visitorBlocked && ipBlocked)
            {
                return new RuleViolation("AlreadyBlacklisted");
            }
        }

        try
        {
            return await engine.BlockAsync(actorId, visitorId, normalizedIp, reason!.Trim());
        }
        catch (RuleViolationException refused)
        {
            return refused.Violation;
        }
    }

    /// <summary>解除阻止: the visitor (or IP) may start conversations again; the entry stays on record as lifted.</summary>
    public async Task<Outcome> LiftAsync(int actorId, long entryId)
    {
        try
        {
            await engine.LiftBlacklistAsync(actorId, entryId);
            return Outcome.Ok;
        }
        catch (RuleViolationException refused)
        {
            return refused.Violation;
        }
    }

    /// <summary>The form the visitor API stores (<see cref="VisitorAddress"/>), so what the admin types matches it.</summary>
    private static string? Normalize(string ip) =>
        IPAddress.TryParse(ip.Trim(), out var address) ? VisitorAddress.Text(address) : null;
}
