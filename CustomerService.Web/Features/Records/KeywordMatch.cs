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
public sealed record KeywordMatch(string Expression, long Messages)
{
    /// <summary>Up to this many matching messages the search starts from the hits (measured: ADR 018).</summary>
    public const long FewMessages = 5_000;

    public bool IsRare => Messages <= FewMessages;

    /// <summary>The keyword's index query and hit count, or null where the index does not serve it (SQL Server; punctuation only).</summary>
    public static async Task<KeywordMatch?> ForAsync(CustomerServiceDbContext db, string? keyword, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (keyword is null || !db.Database.IsSqlite() || MessageSearchText.Query(keyword) is not { } expression)
        {
            return null;
        }

        var count = await db.Database.SqlQuery<long>(
                System.Runtime.CompilerServices.FormattableStringFactory.Create(MessageSearchSql.CountMatchingMessages, expression))
            .SingleAsync(cancellationToken);
        return new KeywordMatch(expression, count);
    }
}
