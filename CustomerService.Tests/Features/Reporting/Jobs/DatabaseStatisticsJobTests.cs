using CustomerService.Data;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Features.Records;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Reporting.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustomerService.Tests.Features.Reporting.Jobs;

/// <summary>The statistics job gives SQLite's planner the table and index statistics it otherwise guesses.</summary>
public sealed class DatabaseStatisticsJobTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task After_a_run_the_planner_has_statistics_of_the_conversations_indexes()
    {
        var team = await DemoTeam.AddToAsync(_db);
        for (var i = 0; i < 3; i++)
        {
            await new RecordConversationBuilder(new DateTime(2026, 3, 10, 4, i, 0, DateTimeKind.Utc)).ServedBy(team.Sales1).Answered().SaveAsync(_db);
        }

        Assert.Equal(0, await CountAsync("SELECT COUNT(*) AS Value FROM sqlite_master WHERE name = 'sqlite_stat1'"));

        await new DatabaseStatisticsJob(_db.GetRequiredService<IDbContextFactory<CustomerServiceDbContext>>(), NullLogger<DatabaseStatisticsJob>.Instance)
            .RunAsync(CancellationToken.None);

        Assert.True(await CountAsync("SELECT COUNT(*) AS Value FROM sqlite_stat1 WHERE tbl = 'Conversations' AND idx IS NOT NULL") > 0);
    }

    private async Task<int> CountAsync(string sql)
    {
        await using var db = _db.NewContext();
        return await db.Database.SqlQueryRaw<int>(sql).SingleAsync();
    }
}
