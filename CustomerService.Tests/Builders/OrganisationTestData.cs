using CustomerService.Domain.Organisation;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Organisation;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Builders;

/// <summary>Arranges organisation rows in a <see cref="TestDatabase"/> through the same paths the app uses.</summary>
public static class OrganisationTestData
{
    public static async Task<EnterpriseProfile> AddEnterpriseAsync(this TestDatabase database, string timeZoneId = "Asia/Shanghai")
    {
        await using var db = database.NewContext();
        var profile = new EnterpriseProfile("演示企业", timeZoneId);
        db.EnterpriseProfiles.Add(profile);
        await db.SaveChangesAsync();
        return profile;
    }

    /// <summary>Creates an account (Sales unless told) with its identity user, in the named account group (created when missing).</summary>
    public static async Task<int> AddAccountAsync(
        this TestDatabase database, string loginName, string password = "Passw0rd!", string groupName = "售前组", AccountRole role = AccountRole.Sales)
    {
        await using var scope = database.CreateScope();
        var bootstrap = scope.ServiceProvider.GetRequiredService<OrganisationBootstrap>();
        var group = await bootstrap.EnsureAccountGroupAsync(groupName, CancellationToken.None);
        var creator = scope.ServiceProvider.GetRequiredService<AccountCreator>();
        var created = await creator.CreateAsync(
            new NewAccount(loginName, password, new AccountProfile(loginName, loginName), role, group.Id, 5));
        return created.Succeeded ? created.Value : throw new InvalidOperationException(created.Violation!.ToString());
    }

    public static async Task<ReceptionGroup> AddReceptionGroupAsync(this TestDatabase database, string name, params MemberAssignment[] members)
    {
        await using var db = database.NewContext();
        var group = new ReceptionGroup(name, ReceptionGroup.DefaultSkinColor);
        group.SetMembers(members);
        db.ReceptionGroups.Add(group);
        await db.SaveChangesAsync();
        return group;
    }

    public static async Task<ConsultationEntry> AddEntryAsync(this TestDatabase database, string code, int receptionGroupId)
    {
        await using var db = database.NewContext();
        var entry = new ConsultationEntry(code, code, receptionGroupId);
        db.ConsultationEntries.Add(entry);
        await db.SaveChangesAsync();
        return entry;
    }
}
