using CustomerService.Data;
using CustomerService.Domain.Records;
using CustomerService.Web.Features.Records;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Features.Records;

/// <summary>
/// SQL Server cannot run here, but its keyword search must still translate: there it is a LIKE over each conversation's
/// messages (ADR 018 describes the full-text index that would replace it), never the SQLite FTS5 table.
/// </summary>
public sealed class RecordKeywordSqlServerTests
{
    [Fact]
    public async Task On_sql_server_the_keyword_search_translates_to_a_like_over_messages()
    {
        // ToQueryString never opens the connection.
        await using var db = new SqlServerCustomerServiceDbContext(new DbContextOptionsBuilder<SqlServerCustomerServiceDbContext>()
            .UseSqlServer("Server=unused;Database=unused;Trusted_Connection=True;TrustServerCertificate=True").Options);
        var filter = new RecordFilter { Keyword = "退款" };
        var keyword = await KeywordMatch.ForAsync(db, filter.TrimmedKeyword, new DateTime(2026, 3, 1), new DateTime(2026, 4, 1), CancellationToken.None);

        var sql = new RecordQueryBuilder(db, TimeSpan.FromDays(7))
            .Build(db.Conversations, new DateTime(2026, 3, 1), new DateTime(2026, 4, 1), RecordList.All, filter, keywordMatch: keyword)
            .ToQueryString();

        Assert.Null(keyword);
        Assert.Contains("[Messages]", sql, StringComparison.Ordinal);
        Assert.Contains("LIKE", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("MessageSearch", sql, StringComparison.Ordinal);
    }
}
