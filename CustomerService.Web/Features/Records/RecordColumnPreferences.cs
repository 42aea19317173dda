using CustomerService.Data;
using CustomerService.Domain.Records;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Records;

/// <summary>The columns each account chose for the records lists (SPEC G2: remembered per account).</summary>
public sealed class RecordColumnPreferences(IDbContextFactory<CustomerServiceDbContext> dbFactory)
{
    public async Task<IReadOnlyList<RecordColumn>> GetAsync(int accountId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.RecordViewPreferences.AsNoTracking().Where(p => p.AccountId == accountId)
            .Select(p => p.Columns).FirstOrDefaultAsync(cancellationToken);
        return RecordColumns.Read(stored);
    }

    /// <summary>Remembers the choice; choosing no column at all keeps the default set (a list needs something to show).</summary>
    public async Task<IReadOnlyList<RecordColumn>> SaveAsync(int accountId, IEnumerable<RecordColumn> columns, CancellationToken cancellationToken = default)
    {
        var chosen = RecordColumns.Read(RecordColumns.Store(columns));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var preference = await db.RecordViewPreferences.FirstOrDefaultAsync(p => p.AccountId == accountId, cancellationToken);
        if (preference is null)
        {
            db.RecordViewPreferences.Add(new RecordViewPreference(accountId, chosen));
        }
        else
        {
            preference.Choose(chosen);
        }

        await db.SaveChangesAsync(cancellationToken);
        return chosen;
    }
}
