using CustomerService.Data;
using CustomerService.Domain.Organisation;
using CustomerService.Domain.Security;
using CustomerService.Web.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Reporting;

/// <summary>
/// Whose figures a caller may see (SPEC I3, B), decided by the data-scope service: an account's KPI scope (all,
/// his account group, himself), or the whole enterprise for an integration key. Agents are the accounts that can
/// receive visitors — every role but QC — disabled ones included, so last year's figures of someone who left stay.
/// </summary>
public sealed class ReportAudienceResolver(IDbContextFactory<CustomerServiceDbContext> dbFactory, DataScopeFilter dataScope)
{
    public async Task<ReportAudience> EnterpriseAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return ReportAudience.Enterprise(await Agents(db.Accounts).Select(a => a.Id).ToListAsync(cancellationToken));
    }

    public async Task<ReportAudience> ForAccountAsync(int accountId, CancellationToken cancellationToken = default)
    {
        var visible = await dataScope.ForAsync(accountId, ScopedModule.Kpi, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = await Agents(visible.Accounts(db)).Select(a => a.Id).ToListAsync(cancellationToken);
        return visible.Scope == DataScope.All ? ReportAudience.Enterprise(ids) : ReportAudience.Agents(ids);
    }

    /// <summary>The audience narrowed to one account group's members (账号分组), within what it was.</summary>
    public async Task<ReportAudience> NarrowToAccountGroupAsync(ReportAudience audience, int accountGroupId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audience);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var members = await Agents(db.Accounts).Where(a => a.AccountGroupId == accountGroupId).Select(a => a.Id).ToListAsync(cancellationToken);
        return ReportAudience.Agents(members.Where(audience.AgentIds.Contains));
    }

    /// <summary>
    /// The audience a scope selector picked, or null when the scope lies outside <paramref name="reach"/> (SPEC I3: a team
    /// lead asking for another group, a sales agent for a colleague, anyone for a group or agent that does not exist):
    /// refused, nothing shown. A group is within reach when every agent in it is (a team lead's own group).
    /// </summary>
    public async Task<ReportAudience?> WithinReachAsync(ReportAudience reach, ReportScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reach);
        switch (scope.Kind)
        {
            case ReportScopeKind.Reach:
                return reach;
            case ReportScopeKind.Agent:
                return reach.AgentIds.Contains(scope.Id) ? ReportAudience.Agents([scope.Id]) : null;
            default:
                await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
                {
                    if (!await db.AccountGroups.AnyAsync(g => g.Id == scope.Id, cancellationToken))
                    {
                        return null;
                    }

                    var members = await Agents(db.Accounts).Where(a => a.AccountGroupId == scope.Id).Select(a => a.Id).ToListAsync(cancellationToken);
                    return reach.WholeEnterprise || (members.Count > 0 && members.All(reach.AgentIds.Contains))
                        ? ReportAudience.Agents(members)
                        : null;
                }
        }
    }

    /// <summary>The scopes a selector offers within <paramref name="reach"/>: the account groups wholly in it and its agents.</summary>
    public async Task<ReportScopeOptions> OptionsAsync(ReportAudience reach, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reach);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var agents = await Agents(db.Accounts).AsNoTracking()
            .Select(a => new { a.Id, a.LoginName, a.InternalName, a.AccountGroupId })
            .ToListAsync(cancellationToken);
        var groups = await db.AccountGroups.AsNoTracking().Select(g => new { g.Id, g.Name }).ToListAsync(cancellationToken);
        var offeredGroups = groups
            .Where(g => agents.Any(a => a.AccountGroupId == g.Id)
                && (reach.WholeEnterprise || agents.Where(a => a.AccountGroupId == g.Id).All(a => reach.AgentIds.Contains(a.Id))))
            .OrderBy(g => g.Name, StringComparer.Ordinal)
            .Select(g => new ScopeOption(ReportScope.AccountGroup(g.Id), g.Name))
            .ToList();
        var offeredAgents = agents.Where(a => reach.AgentIds.Contains(a.Id))
            .OrderBy(a => a.LoginName, StringComparer.Ordinal)
            .Select(a => new ScopeOption(ReportScope.Agent(a.Id), $"{a.InternalName} ({a.LoginName})"))
            .ToList();
        return new ReportScopeOptions(reach.WholeEnterprise, offeredGroups, offeredAgents);
    }

    /// <summary>
    /// The accounts whose figures a team's report counts (every role but QC): an account group's audience, and the
    /// agents its drill-down lists credit (<see cref="LeaveMessages.LeaveMessageCredit"/>).
    /// </summary>
    public static IQueryable<Account> Agents(IQueryable<Account> accounts) => accounts.Where(a => a.Role != AccountRole.QC);
}

/// <summary>One choice of a scope selector.</summary>
public sealed record ScopeOption(ReportScope Scope, string Name);

/// <summary>What a scope selector offers: whether the reach is the enterprise, its account groups and agents.</summary>
public sealed record ReportScopeOptions(bool WholeEnterprise, IReadOnlyList<ScopeOption> AccountGroups, IReadOnlyList<ScopeOption> Agents);
