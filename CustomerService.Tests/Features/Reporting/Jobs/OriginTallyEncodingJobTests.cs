using System.Text;
using CustomerService.Data;
using CustomerService.Domain.Reporting;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Reporting.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustomerService.Tests.Features.Reporting.Jobs;

/// <summary>Tallies rolled with visitor sets as arrays of numbers are rewritten compactly, their figures unchanged.</summary>
public sealed class OriginTallyEncodingJobTests : IAsyncLifetime
{
    private const string ArrayForm =
        """{"Sources":{"Direct":3},"ByHour":[0,0,0,0,0,0,0,0,0,0,3,0,0,0,0,0,0,0,0,0,0,0,0,0],"StartPages":{"/p":{"Title":"商品","Consultations":3,"Valid":2,"OrderFill":[9,4],"OrderSubmit":[4],"Payment":[]}}}""";

    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task A_tally_of_number_arrays_is_rewritten_with_compact_sets_and_reads_the_same_and_a_compact_one_is_left()
    {
        var day = new DateOnly(2026, 1, 5);
        var compact = new OriginTally { Sources = { ["Direct"] = 1 } };
        compact.StartPages["/q"] = new StartPageTally { Consultations = 1, Payment = [7] };
        long oldId, compactId;
        await using (var db = _db.NewContext())
        {
            var old = new OriginRollupRow(day, 1, new OriginTally());
            var kept = new OriginRollupRow(day, null, compact);
            db.OriginRollupRows.AddRange(old, kept);
            await db.SaveChangesAsync();
            (oldId, compactId) = (old.Id, kept.Id);
            var arrayForm = Encoding.UTF8.GetBytes(ArrayForm);
            await db.OriginRollupRows.Where(r => r.Id == oldId).ExecuteUpdateAsync(set => set.SetProperty(r => r.Tally, arrayForm));
        }

        await RunAsync();
        await RunAsync();

        await using var read = _db.NewContext();
        var rows = await read.OriginRollupRows.ToDictionaryAsync(r => r.Id, r => r.Tally);
        var rewritten = Encoding.UTF8.GetString(rows[oldId]);
        // 4 → zigzag 8 → 0x08, gap 5 → 0x05: "CAU="; {4} → "CA==".
        Assert.Contains("\"OrderFill\":\"CAU=\"", rewritten, StringComparison.Ordinal);
        Assert.Contains("\"OrderSubmit\":\"CA==\"", rewritten, StringComparison.Ordinal);
        var page = OriginTally.FromJson(rows[oldId]).StartPages["/p"];
        Assert.Equal(("商品", 3L, 2L), (page.Title, page.Consultations, page.Valid));
        Assert.Equal([4L, 9L], page.OrderFill.Order());
        Assert.Equal([4L], page.OrderSubmit);
        Assert.Empty(page.Payment);
        Assert.Equal(3, OriginTally.FromJson(rows[oldId]).ByHour[10]);
        Assert.Equal(compact.ToJson(), rows[compactId]);
    }

    private Task RunAsync() =>
        new OriginTallyEncodingJob(_db.GetRequiredService<IDbContextFactory<CustomerServiceDbContext>>(), NullLogger<OriginTallyEncodingJob>.Instance)
            .RunAsync(CancellationToken.None);
}
