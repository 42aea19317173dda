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
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var members = await db.Accounts.Where(a => a.AccountGroupId == accountGroupId).Select(a => a.Id).ToListAsync(cancellationToken);
        return ReportAudience.Agents(members.Where(audience.AgentIds.Contains));
    }

    private static IQueryable<Account> Agents(IQueryable<Account> accounts) => accounts.Where(a => a.Role != AccountRole.QC);
}
