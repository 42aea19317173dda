using CustomerService.Data;
using CustomerService.Data.Identity;
using CustomerService.Domain.Common;
using CustomerService.Domain.Organisation;
using CustomerService.Web.Features.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Settings.Accounts;

/// <summary>
/// Admin operations on accounts (seed 002 “三、账户管理”). Each call runs in its own DI scope, so Identity's
/// UserManager and the DbContext live for one operation, never for a whole circuit.
/// </summary>
public sealed class AccountSettingsService(IServiceScopeFactory scopes, TimeProvider clock)
{
    public async Task<IReadOnlyList<AccountRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerServiceDbContext>();
        var now = clock.GetUtcNow();
        var rows = await (
                from account in db.Accounts.AsNoTracking()
                join user in db.Users.AsNoTracking() on account.Id equals user.Id
                orderby account.LoginName
                select new { account, GroupName = account.AccountGroup!.Name, user.LockoutEnd })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new AccountRow(
                r.account.Id, r.account.LoginName, r.account.ExternalName, r.account.InternalName, r.account.Role,
                r.GroupName, r.account.MaxLoad, r.account.ParticipatesInDistribution, r.account.IsEnabled,
                r.LockoutEnd is { } end && end > now))
            .ToList();
    }

    public async Task<AccountFormModel?> GetAsync(int accountId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerServiceDbContext>();
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        return account is null ? null : AccountFormModel.From(account);
    }

    public async Task<Outcome<int>> CreateAsync(AccountFormModel form, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var creator = scope.ServiceProvider.GetRequiredService<AccountCreator>();
        return await creator.CreateAsync(
            new NewAccount(form.LoginName.Trim(), form.Password, form.Profile, form.Role, form.AccountGroupId, form.MaxLoad,
                form.LeaveMessageScope, form.NotifyPhone, form.NotifyEmail, form.ParticipatesInDistribution),
            cancellationToken);
    }

    public async Task<Outcome> UpdateAsync(int accountId, AccountFormModel form, CancellationToken cancellationToken = default)
    {
        if (AccountRules.CheckEditableFields(form.Profile, form.MaxLoad, form.NotifyPhone, form.NotifyEmail) is { } violation)
        {
            return violation;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerServiceDbContext>();
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        if (account is null)
        {
            return new RuleViolation("AccountMissing");
        }

        if (!await db.AccountGroups.AnyAsync(g => g.Id == form.AccountGroupId, cancellationToken))
        {
            return new RuleViolation("AccountGroupMissing");
        }

        if (account.Role == AccountRole.Admin && form.Role != AccountRole.Admin && !await OtherEnabledAdminExistsAsync(db, accountId, cancellationToken))
        {
            return new RuleViolation("LastAdmin");
        }

        var roleChanged = account.Role != form.Role;
        account.UpdateProfile(form.Profile);
        account.ChangeRole(form.Role);
        account.MoveToGroup(form.AccountGroupId);
        account.ChangeMaxLoad(form.MaxLoad);
        account.ConfigureLeaveMessages(form.LeaveMessageScope, form.NotifyPhone, form.NotifyEmail);
        account.SetDistribution(form.ParticipatesInDistribution);
        await db.SaveChangesAsync(cancellationToken);
        if (roleChanged)
        {
            await RenewSessionsAsync(scope, accountId);
        }

        return Outcome.Ok;
    }

    public async Task<Outcome> ResetPasswordAsync(int accountId, string newPassword, CancellationToken cancellationToken = default)
    {
        if (AccountRules.CheckPassword(newPassword) is { } violation)
        {
            return violation;
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByAccountIdAsync(accountId);
        if (user is null)
        {
            return new RuleViolation("AccountMissing");
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, newPassword);
        if (!reset.Succeeded)
        {
            return AccountCreator.IdentityViolation(reset);
        }

        // A reset also lifts a lockout: that is usually why the admin is resetting.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return Outcome.Ok;
    }

    public async Task<Outcome> SetEnabledAsync(int accountId, bool enabled, int actingAccountId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerServiceDbContext>();
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        if (account is null)
        {
            return new RuleViolation("AccountMissing");
        }

        if (!enabled)
        {
            if (accountId == actingAccountId)
            {
                return new RuleViolation("CannotDisableSelf");
            }

            if (account.Role == AccountRole.Admin && !await OtherEnabledAdminExistsAsync(db, accountId, cancellationToken))
            {
                return new RuleViolation("LastAdmin");
            }

            account.Disable();
        }
        else
        {
            account.Enable();
        }

        await db.SaveChangesAsync(cancellationToken);
        if (!enabled)
        {
            await RenewSessionsAsync(scope, accountId);
        }

        return Outcome.Ok;
    }

    public async Task<Outcome> DeleteAsync(int accountId, int actingAccountId, CancellationToken cancellationToken = default)
    {
        if (accountId == actingAccountId)
        {
            return new RuleViolation("CannotDeleteSelf");
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerServiceDbContext>();
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        if (account is null)
        {
            return new RuleViolation("AccountMissing");
        }

        if (account.Role == AccountRole.Admin && !await OtherEnabledAdminExistsAsync(db, accountId, cancellationToken))
        {
            return new RuleViolation("LastAdmin");
        }

        // Conversations, status periods and facts keep referring to the account, so one with history is disabled instead.
        if (await db.Participants.AnyAsync(p => p.AgentId == accountId, cancellationToken)
            || await db.AgentStatusPeriods.AnyAsync(p => p.AgentId == accountId, cancellationToken))
        {
            return new RuleViolation("AccountHasHistory");
        }

        // The account row goes with its identity user (cascade), in one statement.
        await db.Users.Where(u => u.Id == accountId).ExecuteDeleteAsync(cancellationToken);
        return Outcome.Ok;
    }

    public async Task<IReadOnlyList<AccountGroupOption>> GroupOptionsAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerServiceDbContext>();
        return await db.AccountGroups.AsNoTracking().OrderBy(g => g.Name)
            .Select(g => new AccountGroupOption(g.Id, g.Name)).ToListAsync(cancellationToken);
    }

    private static Task<bool> OtherEnabledAdminExistsAsync(CustomerServiceDbContext db, int accountId, CancellationToken cancellationToken) =>
        db.Accounts.AnyAsync(a => a.Id != accountId && a.Role == AccountRole.Admin && a.IsEnabled, cancellationToken);

    /// <summary>A new security stamp makes open cookies and circuits re-check the account (role, enabled).</summary>
    private static async Task RenewSessionsAsync(AsyncServiceScope scope, int accountId)
    {
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByAccountIdAsync(accountId);
        if (user is not null)
        {
            await users.UpdateSecurityStampAsync(user);
        }
    }
}

public sealed record AccountGroupOption(int Id, string Name);
