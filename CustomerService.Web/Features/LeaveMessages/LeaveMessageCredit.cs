using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using CustomerService.Web.Features.Reporting;
using CustomerService.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.LeaveMessages;

/// <summary>
/// The leave-message figures' own rule as a query (SPEC I0 Leave-messages; <c>ReportFactLoader</c> and
/// <c>DailyRollup.CreditLeaveMessages</c>): a message belongs to the period of its creation, on the enterprise's days,
/// and is credited to its responsible agent, or to the agent who handled it when none is responsible. An account
/// group's figures are those of its agents (every role but QC, as the report audience has them), by the group the
/// account is in today. Reads the (ResponsibleAgentId, CreatedAt) and CreatedAt indexes of the messages.
/// </summary>
public static class LeaveMessageCredit
{
    /// <summary>The refusal of an account group that does not exist (a typed or stale link): said, and nothing listed.</summary>
    public const string AccountGroupUnknown = "LeaveMessages.AccountGroupUnknown";

    public static async Task<IQueryable<LeaveMessage>> ApplyAsync(
        CustomerServiceDbContext db, IQueryable<LeaveMessage> messages, LeaveMessageCriteria criteria, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(criteria);
        if (criteria.Period is { } period)
        {
            var (fromUtc, toUtc) = period.UtcRange(await EnterpriseClock.TimeZoneAsync(db, cancellationToken));
            messages = messages.Where(m => m.CreatedAt >= fromUtc && m.CreatedAt < toUtc);
        }

        if (criteria.CreditedAgentId is { } agent)
        {
            messages = messages.Where(m => m.ResponsibleAgentId == agent || (m.ResponsibleAgentId == null && m.HandledByAccountId == agent));
        }

        if (criteria.CreditedAccountGroupId is { } group)
        {
            var agents = ReportAudienceResolver.Agents(db.Accounts).Where(a => a.AccountGroupId == group).Select(a => a.Id);
            messages = messages.Where(m => (m.ResponsibleAgentId != null && agents.Contains(m.ResponsibleAgentId.Value))
                || (m.ResponsibleAgentId == null && m.HandledByAccountId != null && agents.Contains(m.HandledByAccountId.Value)));
        }

        return messages;
    }

    /// <summary>Why the criteria cannot be listed (an account group that does not exist), or null.</summary>
    public static async Task<RuleViolation?> CheckAsync(CustomerServiceDbContext db, LeaveMessageCriteria criteria, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(criteria);
        return criteria.CreditedAccountGroupId is { } group && !await db.AccountGroups.AnyAsync(g => g.Id == group, cancellationToken)
            ? new RuleViolation(AccountGroupUnknown)
            : null;
    }
}
