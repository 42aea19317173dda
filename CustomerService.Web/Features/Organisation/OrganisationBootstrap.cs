using CustomerService.Data;
using CustomerService.Domain.Organisation;
using CustomerService.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerService.Web.Features.Organisation;

/// <summary>
/// Makes a new database usable: the enterprise settings row, and a first administrator when there is no account at
/// all (password from <c>Bootstrap:AdminPassword</c>; without one the app says how to set it).
/// </summary>
public sealed class OrganisationBootstrap(
    CustomerServiceDbContext db,
    AccountCreator accounts,
    IOptions<BootstrapOptions> bootstrap,
    IOptions<EnterpriseDefaultsOptions> defaults,
    ILogger<OrganisationBootstrap> logger)
{
    public const string DefaultAccountGroupName = "默认分组";

    public async Task EnsureAsync(CancellationToken cancellationToken = default)
    {
        if (!await db.EnterpriseProfiles.AnyAsync(cancellationToken))
        {
            db.EnterpriseProfiles.Add(new EnterpriseProfile(defaults.Value.DefaultCompanyName, defaults.Value.DefaultTimeZone));
            await db.SaveChangesAsync(cancellationToken);
        }

        if (await db.Accounts.AnyAsync(cancellationToken))
        {
            return;
        }

        if (string.IsNullOrEmpty(bootstrap.Value.AdminPassword))
        {
            logger.LogWarning(
                "The database has no account. Set Bootstrap:AdminPassword (6-16 characters) and restart to create the administrator '{Login}'.",
                bootstrap.Value.AdminLoginName);
            return;
        }

        var group = await EnsureAccountGroupAsync(DefaultAccountGroupName, cancellationToken);
        var created = await accounts.CreateAsync(
            new NewAccount(bootstrap.Value.AdminLoginName, bootstrap.Value.AdminPassword,
                new AccountProfile("管理员", "管理员"), AccountRole.Admin, group.Id, 5, LeaveMessageScope.All),
            cancellationToken);
        if (!created.Succeeded)
        {
            logger.LogError("Could not create the first administrator: {Violation}", created.Violation);
        }
    }

    public async Task<AccountGroup> EnsureAccountGroupAsync(string name, CancellationToken cancellationToken)
    {
        var group = await db.AccountGroups.SingleOrDefaultAsync(g => g.Name == name, cancellationToken);
        if (group is null)
        {
            group = new AccountGroup(name);
            db.AccountGroups.Add(group);
            await db.SaveChangesAsync(cancellationToken);
        }

        return group;
    }
}
