using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Settings.Entries;

public sealed record EntryRow(int Id, string Code, string Name, int ReceptionGroupId, string ReceptionGroupName, string Secret);

public sealed record ReceptionGroupOption(int Id, string Name);

/// <summary>
/// 咨询入口 maintenance (SPEC C4, E1): each entry is a code bound to one reception group, embedded in the merchant's
/// page with a snippet. Codes are unique because the widget finds its entry by code.
/// </summary>
public sealed class EntryService(IDbContextFactory<CustomerServiceDbContext> dbFactory)
{
    public async Task<IReadOnlyList<EntryRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ConsultationEntries.AsNoTracking().OrderBy(e => e.Code)
            .Select(e => new EntryRow(e.Id, e.Code, e.Name, e.ReceptionGroupId, e.ReceptionGroup!.Name, e.Secret))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ReceptionGroupOption>> GroupOptionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ReceptionGroups.AsNoTracking().OrderBy(g => g.Name)
            .Select(g => new ReceptionGroupOption(g.Id, g.Name)).ToListAsync(cancellationToken);
    }

    public async Task<Outcome<int>> CreateAsync(string code, string name, int receptionGroupId, CancellationToken cancellationToken = default)
    {
        code = code.Trim();
        if ((ConsultationEntry.CheckCode(code) ?? ConsultationEntry.CheckName(name)) is { } violation)
        {
            return violation;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.ConsultationEntries.AnyAsync(e => e.Code == code, cancellationToken))
        {
            return new RuleViolation("EntryCodeTaken", code);
        }

        if (!await db.ReceptionGroups.AnyAsync(g => g.Id == receptionGroupId, cancellationToken))
        {
            return new RuleViolation("ReceptionGroupMissing");
        }

        var entry = new ConsultationEntry(code, name, receptionGroupId);
        db.ConsultationEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return entry.Id;
    }

    /// <summary>The code stays: it is already pasted into the merchant's pages.</summary>
    public async Task<Outcome> UpdateAsync(int id, string name, int receptionGroupId, CancellationToken cancellationToken = default)
    {
        if (ConsultationEntry.CheckName(name) is { } violation)
        {
            return violation;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entry = await db.ConsultationEntries.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entry is null)
        {
            return new RuleViolation("EntryMissing");
        }

        if (!await db.ReceptionGroups.AnyAsync(g => g.Id == receptionGroupId, cancellationToken))
        {
            return new RuleViolation("ReceptionGroupMissing");
        }

        entry.Rename(name);
        entry.BindTo(receptionGroupId);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok;
    }

    public async Task<Outcome> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var deleted = await db.ConsultationEntries.Where(e => e.Id == id).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? new RuleViolation("EntryMissing") : Outcome.Ok;
    }

    public async Task<Outcome> RotateSecretAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entry = await db.ConsultationEntries.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entry is null)
        {
            return new RuleViolation("EntryMissing");
        }

        entry.RotateSecret();
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok;
    }

    /// <summary>The SPEC E1 snippet the merchant pastes into his pages. Codes are [a-z0-9_-], safe in an attribute.</summary>
    public static string Snippet(string baseUri, string code) =>
        $"<script src=\"{baseUri.TrimEnd('/')}/widget.js\" data-entry=\"{code}\" async></script>";
}
