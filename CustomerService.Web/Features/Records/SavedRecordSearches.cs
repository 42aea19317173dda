using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Records;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Records;

/// <summary>One saved search as its owner's list shows it.</summary>
public sealed record SavedSearchItem(int Id, string Name, DateTime SavedAt);

/// <summary>What a saved search holds: the list and the advanced search, applied to whatever period is chosen.</summary>
public sealed record SavedSearchContent(RecordList List, RecordFilter Filter);

/// <summary>
/// 常用搜索 (SPEC G1): an account saves the current search under a name, lists, applies, renames and deletes his own.
/// Another account's saved search does not exist for him (<c>Records.SavedSearch.NotFound</c>, a 404 on the page):
/// every query is by owner and id together. Bad input (empty, over-long or duplicate name, a filter the search would
/// refuse) changes nothing.
/// </summary>
public sealed class SavedRecordSearches(IDbContextFactory<CustomerServiceDbContext> dbFactory, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        IgnoreReadOnlyProperties = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<IReadOnlyList<SavedSearchItem>> ListAsync(int accountId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var items = await db.SavedRecordSearches.AsNoTracking().Where(s => s.AccountId == accountId)
            .Select(s => new SavedSearchItem(s.Id, s.Name, s.SavedAt)).ToListAsync(cancellationToken);
        return [.. items.OrderBy(s => s.Name, StringComparer.Ordinal)];
    }

    public async Task<Outcome<int>> SaveAsync(int accountId, string? name, SavedSearchContent content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Filter.Validate() is { } refused)
        {
            return refused;
        }

        var created = SavedRecordSearch.Create(accountId, name, JsonSerializer.Serialize(content, Json), clock.GetUtcNow().UtcDateTime);
        if (created.Violation is { } violation)
        {
            return violation;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var saved = created.Value!;
        if (await NameTakenAsync(db, accountId, saved.Name, exceptId: null, cancellationToken))
        {
            return NameTaken(saved.Name);
        }

        db.SavedRecordSearches.Add(saved);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same name saved at the same moment from another tab: the unique index decided. Anything else stands.
            await using var check = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!await NameTakenAsync(check, accountId, saved.Name, exceptId: null, cancellationToken))
            {
                throw;
            }

            return NameTaken(saved.Name);
        }

        return saved.Id;
    }

    /// <summary>The search to apply, or <c>Records.SavedSearch.NotFound</c> when the account has no saved search of that id.</summary>
    public async Task<Outcome<SavedSearchContent>> GetAsync(int accountId, int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var search = await db.SavedRecordSearches.AsNoTracking().Where(s => s.AccountId == accountId && s.Id == id)
            .Select(s => s.Search).SingleOrDefaultAsync(cancellationToken);
        return search is null ? NotFound : Read(search);
    }

    /// <summary>
    /// A search saved by an earlier version may no longer read (an enum renamed) or no longer pass the search's rules
    /// (tightened since): it is said, not thrown, and its owner can still delete it.
    /// </summary>
    private static Outcome<SavedSearchContent> Read(string search)
    {
        SavedSearchContent? content;
        try
        {
            content = JsonSerializer.Deserialize<SavedSearchContent>(search, Json);
        }
        catch (JsonException)
        {
            content = null;
        }

        return content?.Filter is null || content.Filter.Validate() is not null ? new RuleViolation("Records.SavedSearch.Unreadable") : content;
    }

    public async Task<Outcome> RenameAsync(int accountId, int id, string? name, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var saved = await db.SavedRecordSearches.SingleOrDefaultAsync(s => s.AccountId == accountId && s.Id == id, cancellationToken);
        if (saved is null)
        {
            return NotFound;
        }

        if (saved.Rename(name) is { } violation)
        {
            return violation;
        }

        if (await NameTakenAsync(db, accountId, saved.Name, exceptId: id, cancellationToken))
        {
            return NameTaken(saved.Name);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            await using var check = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!await NameTakenAsync(check, accountId, saved.Name, exceptId: id, cancellationToken))
            {
                throw;
            }

            return NameTaken(saved.Name);
        }

        return Outcome.Ok;
    }

    public async Task<Outcome> DeleteAsync(int accountId, int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var deleted = await db.SavedRecordSearches.Where(s => s.AccountId == accountId && s.Id == id).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? NotFound : Outcome.Ok;
    }

    private static RuleViolation NotFound => new("Records.SavedSearch.NotFound");

    private static RuleViolation NameTaken(string name) => new("Records.SavedSearch.NameTaken", name);

    private static Task<bool> NameTakenAsync(CustomerServiceDbContext db, int accountId, string name, int? exceptId, CancellationToken cancellationToken) =>
        db.SavedRecordSearches.AnyAsync(s => s.AccountId == accountId && s.Name == name && s.Id != exceptId, cancellationToken);
}
