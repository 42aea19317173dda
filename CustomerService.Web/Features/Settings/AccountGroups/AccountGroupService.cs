using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Settings.AccountGroups;

public sealed record AccountGroupRow(int Id, string Name, int AccountCount);

/// <summary>账号分组 maintenance (SPEC C1). A group that still has accounts cannot be deleted.</summary>
public sealed class AccountGroupService(IDbContextFactory<CustomerServiceDbContext> dbFactory)
{
    public async Task<IReadOnlyList<AccountGroupRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AccountGroups.AsNoTracking().OrderBy(g => g.Name)
            .Select(g => new AccountGroupRow(g.Id, g.Name, db.Accounts.Count(a => a.AccountGroupId == g.Id)))
            .ToListAsync(cancellationToken);
    }

    public async Task<Outcome<int>> CreateAsync(string name, CancellationToken cancellationToken = default)
    {
        if (AccountGroup.CheckName(name) is { } violation)
        {
            return violation;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await NameTakenAsync(db, name.Trim(), null, cancellationToken))
        {
            return new RuleViolation("NameTaken", name.Trim());
        }

        var group = new AccountGroup(name);
        db.AccountGroups.Add(group);
        await db.SaveChangesAsync(cancellationToken);
        return group.Id;
    }

    public async Task<Outcome> RenameAsync(int id, string name, CancellationToken cancellationToken = default)
    {
        if (AccountGroup.CheckName(name) is { } violation)
        {
            return violation;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var group = await db.AccountGroups.SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (group is null)
        {
            return new RuleViolation("AccountGroupMissing");
        }

        if (await NameTakenAsync(db, name.Trim(), id, cancellationToken))
        {
            return new RuleViolation("NameTaken", name.Trim());
        }

        group.Rename(name);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok;
    }

    public async Task<Outcome> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Accounts.AnyAsync(a => a.AccountGroupId == id, cancellationToken))
        {
            return new RuleViolation("AccountGroupHasAccounts");
        }

        var deleted = await db.AccountGroups.Where(g => g.Id == id).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? new RuleViolation("AccountGroupMissing") : Outcome.Ok;
    }

    private static Task<bool> NameTakenAsync(CustomerServiceDbContext db, string name, int? exceptId, CancellationToken cancellationToken) =>
        db.AccountGroups.AnyAsync(g => g.Name == name && g.Id != exceptId, cancellationToken);
}
