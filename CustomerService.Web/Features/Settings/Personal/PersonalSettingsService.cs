using CustomerService.Data;
using CustomerService.Data.Identity;
using CustomerService.Domain.Common;
using CustomerService.Domain.Organisation;
using CustomerService.Web.Features.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Settings.Personal;

/// <summary>What the signed-in person sees of his own account; login name, role and group are the admin's to change.</summary>
public sealed record MyAccount(string LoginName, AccountRole Role, string AccountGroupName, AccountProfile Profile);

/// <summary>
/// 个人设置 (seed 002 “个人信息”, “修改密码”): every role edits its own profile and password. Each call runs in its own
/// DI scope, so Identity's UserManager and the DbContext live for one operation, never for a whole circuit.
/// </summary>
public sealed class PersonalSettingsService(IServiceScopeFactory scopes)
{
    public async Task<MyAccount?> GetAsync(int accountId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerServiceDbContext>();
        return await db.Accounts.AsNoTracking().Where(a => a.Id == accountId)
            .Select(a => new MyAccount(a.LoginName, a.Role, a.AccountGroup!.Name,
                new AccountProfile(a.ExternalName, a.InternalName, a.AvatarUrl, a.Signature)))
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<Outcome> UpdateProfileAsync(int accountId, AccountProfile profile, CancellationToken cancellationToken = default)
    {
        if (profile.Check() is { } violation)
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

        account.UpdateProfile(profile);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok;
    }

    /// <summary>
    /// Changes the password after proving the current one. Identity renews the security stamp, so every open session
    /// of the account (cookies and circuits) is asked to sign in again at its next revalidation.
    /// </summary>
    public async Task<Outcome> ChangePasswordAsync(
        int accountId, string currentPassword, string newPassword, string confirmPassword, CancellationToken cancellationToken = default)
    {
        if (AccountRules.CheckPassword(newPassword) is { } violation)
        {
            return violation;
        }

        if (!string.Equals(newPassword, confirmPassword, StringComparison.Ordinal))
        {
            return new RuleViolation("PasswordMismatch");
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByAccountIdAsync(accountId);
        if (user is null)
        {
            return new RuleViolation("AccountMissing");
        }

        // Identity verifies the current password itself (one hash, not two); a wrong one maps to WrongCurrentPassword.
        var changed = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        return changed.Succeeded ? Outcome.Ok : AccountCreator.IdentityViolation(changed);
    }
}
