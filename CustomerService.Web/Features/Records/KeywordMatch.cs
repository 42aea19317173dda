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
    /// [<paramref name="fromUtc"/>, <paramref name="toUtc"/>) — an id range, so the period's hits alone are read —, or
    /// null where the index does not serve it (SQL Server; a keyword of punctuation only).
    /// </summary>
    public static async Task<KeywordMatch?> ForAsync(
        CustomerServiceDbContext db, string? keyword, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (keyword is null || !db.Database.IsSqlite() || MessageSearchText.Query(keyword) is not { } expression)
        {
            return null;
        }

        var period = db.Conversations.Where(c => c.RequestedAt >= fromUtc && c.RequestedAt < toUtc);
        var first = await period.MinAsync(c => (long?)c.Id, cancellationToken);
        var last = await period.MaxAsync(c => (long?)c.Id, cancellationToken);
        if (first is null || last is null)
        {
            // No conversation in the period: an empty range finds nothing.
            return new KeywordMatch(expression, 1, 0, 0);
        }

        var (low, high) = MessageSearchSql.RowidRange(first.Value, last.Value);
        var count = await db.Database.SqlQuery<long>(FormattableStringFactory.Create(MessageSearchSql.CountMatchingMessages, expression, low, high))
            .SingleAsync(cancellationToken);
        return new KeywordMatch(expression, low, high, count);
    }
}
