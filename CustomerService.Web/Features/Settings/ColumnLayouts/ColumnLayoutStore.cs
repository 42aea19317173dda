using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Settings.ColumnLayouts;

/// <summary>
/// The columns each account chose for a table (详细数据, records lists), remembered per account and table. A table
/// without a saved layout shows its defaults; a saved column the table no longer has is dropped with a notice
/// (<see cref="ColumnLayout.Resolve"/>).
/// </summary>
public sealed class ColumnLayoutStore(IDbContextFactory<CustomerServiceDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The account's columns for <paramref name="view"/> among <paramref name="known"/>, or the defaults when he never chose.</summary>
    public async Task<ColumnChoice> ReadAsync(
        int accountId, string view, IReadOnlyCollection<string> known, IReadOnlyList<string> defaults, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var layout = await db.ColumnLayouts.AsNoTracking().SingleOrDefaultAsync(l => l.AccountId == accountId && l.View == view, cancellationToken);
        if (layout is null)
        {
            return new ColumnChoice(defaults, []);
        }

        var choice = layout.Resolve(known);
        // Every saved column gone: the defaults, rather than a table with no figures.
        return choice.Columns.Count == 0 ? new ColumnChoice(defaults, choice.Unknown) : choice;
    }

    /// <summary>Saves the choice; a name the table does not have is refused like any other invalid choice.</summary>
    public async Task<Outcome> SaveAsync(
        int accountId, string view, IReadOnlyList<string> columns, IReadOnlyCollection<string> known, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(known);
        if (columns.Any(c => !known.Contains(c)))
        {
            return new RuleViolation("ColumnLayout.ColumnNameInvalid");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var layout = await db.ColumnLayouts.SingleOrDefaultAsync(l => l.AccountId == accountId && l.View == view, cancellationToken);
        if (layout is null)
        {
            var created = ColumnLayout.Create(accountId, view, columns, now);
            if (!created.Succeeded)
            {
                return created.Violation!;
            }

            db.ColumnLayouts.Add(created.Value!);
        }
        else if (layout.Change(columns, now) is { Succeeded: false } refused)
        {
            return refused;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (layout is null)
        {
            // The same account saved from another tab at the same moment and inserted first: his row now exists, so
            // this choice is saved over it (the last save wins, as it would have a second later). Any other failure stands.
            await using var check = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!await check.ColumnLayouts.AnyAsync(l => l.AccountId == accountId && l.View == view, cancellationToken))
            {
                throw;
            }

            return await SaveAsync(accountId, view, columns, known, cancellationToken);
        }

        return Outcome.Ok;
    }
}
