using System.Runtime.CompilerServices;
using CustomerService.Data;
using CustomerService.Data.Search;
using CustomerService.Domain.Records;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Records;

/// <summary>
/// A keyword as the SQLite FTS5 index sees it (<see cref="MessageSearchText.Query"/>) and how often it is said. The
/// count picks the plan (ADR 018): a term in few messages (退款 in the demo history: none) is best found from its hits —
/// look up each matching conversation, sort them —, while a term in many (发票: 95k messages) is best found by walking
/// the period newest first and probing each conversation against the hits until the page is full. SQLite cannot tell
/// the two apart before running, so the builder is told.
/// </summary>
public sealed record KeywordMatch(string Expression, long LowRowid, long HighRowid, long Messages)
{
    /// <summary>Up to this many matching messages the search starts from the hits (measured: ADR 018).</summary>
    public const long FewMessages = 5_000;

    public bool IsRare => Messages <= FewMessages;

    /// <summary>
    /// The keyword's index query and hit count among the messages of the conversations requested in
    /// [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), or null where the index does not serve it (SQL Server; a
    /// keyword of punctuation only). A rare keyword is counted over the whole index and keeps it whole: its plan looks each
    /// hit's conversation up by key, which the period then filters, so finding the period's id range — a walk over every
    /// conversation of the period, 0.35 s a query over a year of 1M — would only cost. A common one reads the period's
    /// hits alone (an id range, both ends in one walk).
    /// </summary>
    /// <param name="everywhere">The keyword's messages in the whole index when the caller has counted them already (<see cref="EverywhereAsync"/>).</param>
    public static async Task<KeywordMatch?> ForAsync(
        CustomerServiceDbContext db, string? keyword, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken, long? everywhere = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (keyword is null || !db.Database.IsSqlite() || MessageSearchText.Query(keyword) is not { } expression)
        {
            return null;
        }

        everywhere ??= await CountAsync(db, expression, long.MinValue, long.MaxValue, cancellationToken);
        if (everywhere <= FewMessages)
        {
            return new KeywordMatch(expression, long.MinValue, long.MaxValue, everywhere.Value);
        }

        var range = await db.Conversations.Where(c => c.RequestedAt >= fromUtc && c.RequestedAt < toUtc)
            .GroupBy(_ => 1).Select(g => new { First = g.Min(c => c.Id), Last = g.Max(c => c.Id) })
            .SingleOrDefaultAsync(cancellationToken);
        if (range is null)
        {
            // No conversation in the period: an empty range finds nothing.
            return new KeywordMatch(expression, 1, 0, 0);
        }

        var (low, high) = MessageSearchSql.RowidRange(range.First, range.Last);
        return new KeywordMatch(expression, low, high, await CountAsync(db, expression, low, high, cancellationToken));
    }

    /// <summary>
    /// How many messages anywhere say the keyword (a doclist walk: 90 ms for 发票's 575 k, 1 ms for a rare term), or null
    /// where the index does not serve it.
    /// </summary>
    public static async Task<long?> EverywhereAsync(CustomerServiceDbContext db, string? keyword, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return keyword is not null && db.Database.IsSqlite() && MessageSearchText.Query(keyword) is { } expression
            ? await CountAsync(db, expression, long.MinValue, long.MaxValue, cancellationToken)
            : null;
    }

    private static Task<long> CountAsync(CustomerServiceDbContext db, string expression, long low, long high, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<long>(FormattableStringFactory.Create(MessageSearchSql.CountMatchingMessages, expression, low, high))
            .SingleAsync(cancellationToken);
}
