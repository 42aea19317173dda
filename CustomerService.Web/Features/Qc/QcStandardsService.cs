using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Qc;
using CustomerService.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Qc;

/// <summary>A standard in the settings list: its current version, how many versions it has and how many grades use it.</summary>
public sealed record QcStandardRow(int Id, string Name, bool IsDefault, int VersionNumber, int Versions, int Grades, IReadOnlyList<QcDimensionView> Dimensions);

/// <summary>
/// 设置 → 质检 (SPEC H1, K; admin only): standards, the default, and the dispute deadline. A change to a standard
/// adds a version; the previous version is dropped only when no grade was made with it, so past grades always keep the
/// dimensions they were scored on. Each command checks the caller's role on the server.
/// </summary>
public sealed class QcStandardsService(IDbContextFactory<CustomerServiceDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<QcStandardRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var standards = await db.QcStandards.AsNoTracking().Include(s => s.Versions).OrderBy(s => s.Name).ToListAsync(cancellationToken);
        var gradesPerStandard = await (
                from g in db.QcGrades
                join v in db.QcStandardVersions on g.StandardVersionId equals v.Id
                group g by v.StandardId into perStandard
                select new { StandardId = perStandard.Key, Count = perStandard.Count() })
            .ToDictionaryAsync(x => x.StandardId, x => x.Count, cancellationToken);
        return [.. standards.Select(s => new QcStandardRow(
            s.Id, s.Name, s.IsDefault, s.CurrentVersion.Number, s.Versions.Count, gradesPerStandard.GetValueOrDefault(s.Id),
            [.. s.CurrentVersion.Dimensions.Select(QcDimensionView.Of)]))];
    }

    /// <summary>A new standard; the first one becomes the default.</summary>
    public async Task<Outcome<int>> CreateAsync(int accountId, string? name, IReadOnlyList<QcDimensionInput> dimensions, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await RefusedAsync(db, accountId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var created = QcStandard.Create(name, dimensions, clock.GetUtcNow().UtcDateTime);
        if (!created.Succeeded)
        {
            return created.Violation!;
        }

        var standard = created.Value!;
        if (await db.QcStandards.AnyAsync(s => s.Name == standard.Name, cancellationToken))
        {
            return new RuleViolation("QcStandardNameTaken", standard.Name);
        }

        standard.MarkDefault(!await db.QcStandards.AnyAsync(cancellationToken));
        db.QcStandards.Add(standard);
        await db.SaveChangesAsync(cancellationToken);
        return standard.Id;
    }

    /// <summary>Renames and re-dimensions a standard: a new version; the old one stays while grades use it.</summary>
    public async Task<Outcome> ReviseAsync(
        int accountId, int standardId, string? name, IReadOnlyList<QcDimensionInput> dimensions, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await RefusedAsync(db, accountId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var standard = await db.QcStandards.AsTracking().Include(s => s.Versions).SingleOrDefaultAsync(s => s.Id == standardId, cancellationToken);
        if (standard is null)
        {
            return new RuleViolation("QcStandardNotFound");
        }

        var trimmed = name?.Trim();
        if (await db.QcStandards.AnyAsync(s => s.Id != standardId && s.Name == trimmed, cancellationToken))
        {
            return new RuleViolation("QcStandardNameTaken", trimmed!);
        }

        var previous = standard.CurrentVersion;
        var revised = standard.Revise(name, dimensions, clock.GetUtcNow().UtcDateTime);
        if (!revised.Succeeded)
        {
            return revised.Violation!;
        }

        if (!await db.QcGrades.AnyAsync(g => g.StandardVersionId == previous.Id, cancellationToken))
        {
            db.QcStandardVersions.Remove(previous);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok;
    }

    /// <summary>Makes <paramref name="standardId"/> the one default standard.</summary>
    public async Task<Outcome> MakeDefaultAsync(int accountId, int standardId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await RefusedAsync(db, accountId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var standards = await db.QcStandards.AsTracking().ToListAsync(cancellationToken);
        if (standards.All(s => s.Id != standardId))
        {
            return new RuleViolation("QcStandardNotFound");
        }

        foreach (var standard in standards)
        {
            standard.MarkDefault(standard.Id == standardId);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok;
    }

    public async Task<int> DisputeDaysAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await QcGradingService.SettingsAsync(db, cancellationToken)).DisputeDays;
    }

    public async Task<Outcome> ChangeDisputeDaysAsync(int accountId, int days, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await RefusedAsync(db, accountId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var settings = await db.QcSettings.AsTracking().SingleOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = QcSettings.CreateDefault();
            db.QcSettings.Add(settings);
        }

        var outcome = settings.ChangeDisputeDays(days);
        if (outcome.Succeeded)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return outcome;
    }

    /// <summary>The standards an inspector may grade with, the default first.</summary>
    internal static async Task<IReadOnlyList<QcStandardChoice>> ChoicesAsync(CustomerServiceDbContext db, CancellationToken cancellationToken)
    {
        var standards = await db.QcStandards.AsNoTracking().Include(s => s.Versions).ToListAsync(cancellationToken);
        return [.. standards.OrderByDescending(s => s.IsDefault).ThenBy(s => s.Name).Select(s => new QcStandardChoice(
            s.Id, s.Name, s.IsDefault, s.CurrentVersion.Id, s.CurrentVersion.Number, [.. s.CurrentVersion.Dimensions.Select(QcDimensionView.Of)]))];
    }

    private static async Task<RuleViolation?> RefusedAsync(CustomerServiceDbContext db, int accountId, CancellationToken cancellationToken) =>
        await QcReader.LoadAsync(db, accountId, cancellationToken) is { } reader && PermissionMatrix.Allows(reader.Role, Permission.EnterpriseSettings)
            ? null
            : new RuleViolation("QcMayNotManageStandards");
}
