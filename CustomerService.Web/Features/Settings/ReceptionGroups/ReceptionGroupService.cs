using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Settings.ReceptionGroups;

public sealed record ReceptionGroupRow(int Id, string Name, string SkinColor, int MemberCount, int EntryCount);

/// <summary>An account that may be put in a reception group: any account group, shown with its names.</summary>
public sealed record MemberCandidate(int AccountId, string LoginName, string InternalName, string ExternalName, string AccountGroupName, bool IsEnabled);

/// <summary>
/// 接待组 maintenance (SPEC C3; seed 002 “四、接待组”). Names are unique; a group still bound to consultation
/// entries cannot be deleted, or merchants' buttons would point nowhere.
/// </summary>
public sealed class ReceptionGroupService(IDbContextFactory<CustomerServiceDbContext> dbFactory)
{
    /// <summary>The chat-window skins offered as one-click swatches; any #RRGGBB is accepted too.</summary>
    public static readonly IReadOnlyList<string> PresetSkinColors =
        [ReceptionGroup.DefaultSkinColor, "#43A047", "#E53935", "#FB8C00", "#8E24AA", "#00897B", "#3949AB", "#546E7A"];

    public async Task<IReadOnlyList<ReceptionGroupRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ReceptionGroups.AsNoTracking().OrderBy(g => g.Name)
            .Select(g => new ReceptionGroupRow(g.Id, g.Name, g.SkinColor, g.Members.Count,
                db.ConsultationEntries.Count(e => e.ReceptionGroupId == g.Id)))
            .ToListAsync(cancellationToken);
    }

    public async Task<ReceptionGroupFormModel?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var group = await db.ReceptionGroups.AsNoTracking().Include(g => g.Members)
            .SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        return group is null ? null : ReceptionGroupFormModel.From(group);
    }

    /// <summary>Enabled accounts, plus disabled ones already in <paramref name="groupId"/> so editing does not drop them silently.</summary>
    public async Task<IReadOnlyList<MemberCandidate>> CandidatesAsync(int? groupId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Accounts.AsNoTracking()
            .Where(a => a.IsEnabled || db.ReceptionGroupMembers.Any(m => m.ReceptionGroupId == groupId && m.AccountId == a.Id))
            .OrderBy(a => a.AccountGroup!.Name).ThenBy(a => a.LoginName)
            .Select(a => new MemberCandidate(a.Id, a.LoginName, a.InternalName, a.ExternalName, a.AccountGroup!.Name, a.IsEnabled))
            .ToListAsync(cancellationToken);
    }

    public async Task<Outcome<int>> CreateAsync(ReceptionGroupFormModel form, CancellationToken cancellationToken = default)
    {
        var members = form.Assignments();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await CheckAsync(db, form, members, null, cancellationToken) is { } violation)
        {
            return violation;
        }

        var group = new ReceptionGroup(form.Name, form.SkinColor);
        group.SetMembers(members);
        db.ReceptionGroups.Add(group);
        await db.SaveChangesAsync(cancellationToken);
        return group.Id;
    }

    public async Task<Outcome> UpdateAsync(int id, ReceptionGroupFormModel form, CancellationToken cancellationToken = default)
    {
        var members = form.Assignments();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var group = await db.ReceptionGroups.Include(g => g.Members).SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (group is null)
        {
            return new RuleViolation("ReceptionGroupMissing");
        }

        if (await CheckAsync(db, form, members, id, cancellationToken) is { } violation)
        {
            return violation;
        }

        group.Rename(form.Name);
        group.ChangeSkin(form.SkinColor);
        group.SetMembers(members);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok;
    }

    public async Task<Outcome> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = await db.ConsultationEntries.CountAsync(e => e.ReceptionGroupId == id, cancellationToken);
        if (entries > 0)
        {
            return new RuleViolation("ReceptionGroupHasEntries", entries);
        }

        // Members go with the group (cascade).
        var deleted = await db.ReceptionGroups.Where(g => g.Id == id).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? new RuleViolation("ReceptionGroupMissing") : Outcome.Ok;
    }

    private static async Task<RuleViolation?> CheckAsync(
        CustomerServiceDbContext db, ReceptionGroupFormModel form, IReadOnlyCollection<MemberAssignment> members, int? exceptId,
        CancellationToken cancellationToken)
    {
        if ((ReceptionGroup.CheckName(form.Name) ?? ReceptionGroup.CheckSkinColor(form.SkinColor) ?? ReceptionGroup.CheckMembers(members)) is { } violation)
        {
            return violation;
        }

        var name = form.Name.Trim();
        if (await db.ReceptionGroups.AnyAsync(g => g.Name == name && g.Id != exceptId, cancellationToken))
        {
            return new RuleViolation("NameTaken", name);
        }

        var ids = members.Select(m => m.AccountId).ToList();
        var known = await db.Accounts.CountAsync(a => ids.Contains(a.Id), cancellationToken);
        return known == ids.Count ? null : new RuleViolation("AccountMissing");
    }
}
