using CustomerService.Data;
using CustomerService.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Reporting.Rollups;

/// <summary>
/// Maps user keys to their <see cref="ReportUserKey"/> ids: the roller assigns ids to new keys (in its transaction),
/// reports only look them up and give a key never rolled a temporary negative id, which no rolled day can hold, so a
/// union of rolled and live inputs stays exact.
/// </summary>
public static class ReportUserKeyIds
{
    // Bounds each lookup's parameter list; the whole table is read instead when a period is mostly unrolled.
    private const int Chunk = 2_000;
    private const int WholeTableFrom = 50_000;

    public static async Task<Dictionary<string, int>> AssignAsync(CustomerServiceDbContext db, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        var wanted = keys.ToList();
        var ids = await LookupAsync(db, wanted, cancellationToken);
        var added = wanted.Where(k => !ids.ContainsKey(k)).Select(k => new ReportUserKey(k)).ToList();
        if (added.Count > 0)
        {
            db.ReportUserKeys.AddRange(added);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var key in added)
            {
                ids[key.Key] = key.Id;
            }
        }

        return ids;
    }

    public static async Task<Dictionary<string, int>> ResolveAsync(CustomerServiceDbContext db, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        var wanted = keys.ToList();
        var ids = await LookupAsync(db, wanted, cancellationToken);
        var temporary = -1;
        foreach (var key in wanted.Where(k => !ids.ContainsKey(k)))
        {
            ids[key] = temporary--;
        }

        return ids;
    }

    private static async Task<Dictionary<string, int>> LookupAsync(CustomerServiceDbContext db, List<string> keys, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        if (keys.Count >= WholeTableFrom)
        {
            var wanted = keys.ToHashSet(StringComparer.Ordinal);
            await foreach (var row in db.ReportUserKeys.AsNoTracking().Select(k => new { k.Key, k.Id }).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                if (wanted.Contains(row.Key))
                {
                    ids[row.Key] = row.Id;
                }
            }

            return ids;
        }

        foreach (var chunk in keys.Chunk(Chunk))
        {
            foreach (var row in await db.ReportUserKeys.AsNoTracking().Where(k => chunk.Contains(k.Key)).Select(k => new { k.Key, k.Id }).ToListAsync(cancellationToken))
            {
                ids[row.Key] = row.Id;
            }
        }

        return ids;
    }
}
