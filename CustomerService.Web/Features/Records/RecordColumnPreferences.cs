using CustomerService.Domain.Records;
using CustomerService.Web.Features.Settings.ColumnLayouts;

namespace CustomerService.Web.Features.Records;

/// <summary>
/// The columns each account chose for the records lists (SPEC G2: remembered per account), kept by the one column-layout
/// store every table uses (详细数据 too), in the columns' own order; a name no longer known is skipped, nothing chosen
/// keeps the default set (a list needs something to show).
/// </summary>
public sealed class RecordColumnPreferences(ColumnLayoutStore layouts)
{
    /// <summary>The layout's table name.</summary>
    public const string View = "records";

    private static readonly IReadOnlyList<string> Known = Enum.GetNames<RecordColumn>();

    private static readonly IReadOnlyList<string> Defaults = [.. RecordColumns.Default.Select(c => c.ToString())];

    public async Task<IReadOnlyList<RecordColumn>> GetAsync(int accountId, CancellationToken cancellationToken = default)
    {
        var choice = await layouts.ReadAsync(accountId, View, Known, Defaults, cancellationToken);
        return RecordColumns.Read(string.Join(',', choice.Columns));
    }

    public async Task<IReadOnlyList<RecordColumn>> SaveAsync(int accountId, IEnumerable<RecordColumn> columns, CancellationToken cancellationToken = default)
    {
        var chosen = RecordColumns.Read(RecordColumns.Store(columns));
        // Enum names are always known, distinct and within the limits: the store cannot refuse them.
        await layouts.SaveAsync(accountId, View, [.. chosen.Select(c => c.ToString())], Known, cancellationToken);
        return chosen;
    }
}
