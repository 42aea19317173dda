using CustomerService.Data;
using CustomerService.Data.Identity;
using CustomerService.Domain.Common;
using CustomerService.Domain.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Organisation;

/// <summary>What is needed to open an account (SPEC C2).</summary>
public sealed record NewAccount(
    string LoginName,
    string Password,
    AccountProfile Profile,
    AccountRole Role,
    int AccountGroupId,
    int MaxLoad,
    LeaveMessageScope LeaveMessageScope = LeaveMessageScope.Own,
    string? NotifyPhone = null,
    string? NotifyEmail = null,
    bool ParticipatesInDistribution = true);

/// <summary>
/// Creates the identity user and its account in one transaction, so there is never a login without an account or
/// the other way round. Used by account settings, the first-admin bootstrap and the demo seeder.
/// </summary>
public sealed class AccountCreator(UserManager<AppUser> users, CustomerServiceDbContext db)
{
    public async Task<Outcome<int>> CreateAsync(NewAccount request, CancellationToken cancellationToken = default)
    {
        var violation = AccountRules.CheckLoginName(request.LoginName)
            ?? AccountRules.CheckPassword(request.Password)
            ?? AccountRules.CheckEditableFields(request.Profile, request.MaxLoad, request.NotifyPhone, request.NotifyEmail);
        if (violation is not null)
        {
            return violation;
        }

        if (await db.Accounts.AnyAsync(a => a.LoginName == request.LoginName, cancellationToken)
            || await users.FindByNameAsync(request.LoginName) is not null)
        {
            return new RuleViolation("LoginNameTaken", request.LoginName);
        }

        if (!await db.AccountGroups.AnyAsync(g => g.Id == request.AccountGroupId, cancellationToken))
        {
            return new RuleViolation("AccountGroupMissing");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = new AppUser { UserName = request.LoginName, Email = request.NotifyEmail };
        var created = await users.CreateAsync(user, request.Password);
        if (!created.Succeeded)
        {
            return IdentityViolation(created);
        }

        var account = new Account(user.Id, request.LoginName, request.Profile, request.Role, request.AccountGroupId, request.MaxLoad);
        account.ConfigureLeaveMessages(request.LeaveMessageScope, request.NotifyPhone, request.NotifyEmail);
        account.SetDistribution(request.ParticipatesInDistribution);
        db.Accounts.Add(account);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return account.Id;
    }

    /// <summary>Identity's own checks (password rules, name characters) as a rule violation.</summary>
    internal static RuleViolation IdentityViolation(IdentityResult result)
    {
        var codes = result.Errors.Select(e => e.Code).ToList();
        return codes.Contains("DuplicateUserName") ? new RuleViolation("LoginNameTaken", string.Empty)
            : codes.Contains(nameof(IdentityErrorDescriber.PasswordMismatch)) ? new RuleViolation("WrongCurrentPassword")
            : codes.Any(c => c.StartsWith("Password", StringComparison.Ordinal))
                ? new RuleViolation("PasswordLength", AccountRules.PasswordMinLength, AccountRules.PasswordMaxLength)
            : codes.Contains("InvalidUserName") ? new RuleViolation("LoginNameFormat", AccountRules.LoginNameMaxLength)
            : new RuleViolation("IdentityRefused", string.Join(", ", codes));
    }
}
