using CustomerService.Domain.Records;
using CustomerService.Domain.Reporting;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Records;

namespace CustomerService.Tests.Features.Records;

/// <summary>Keyset paging (SPEC G2) and remembered columns of the records list.</summary>
public sealed class RecordPagingTests : IAsyncLifetime
{
    private static readonly DateTime Start = new(2026, 3, 10, 4, 0, 0, DateTimeKind.Utc);
    private static readonly ReportPeriod March = new(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31));

    private TestDatabase _db = null!;
    private DemoTeam _team = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(services => services.AddRecordsFeature());
        _team = await DemoTeam.AddToAsync(_db);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Paging_neither_repeats_nor_skips_while_conversations_are_added()
    {
        var records = _db.GetRequiredService<RecordListService>();
        var original = new List<long>();
        // Two share a request time: the id breaks the tie.
        foreach (var minutes in new[] { 0, 1, 2, 2, 3, 4, 5 })
        {
            original.Add(await new RecordConversationBuilder(Start.AddMinutes(minutes)).ServedBy(_team.Sales1).Answered().SaveAsync(_db));
        }

        var seen = new List<long>();
        RecordCursor? cursor = null;
        var added = 0;
        do
        {
            var page = (await records.PageAsync(_team.Admin, new RecordSearch(March, RecordList.All, new RecordFilter()), cursor, size: 3)).Value!;
            seen.AddRange(page.Rows.Select(r => r.Id));
            cursor = page.Next;
            // New requests arrive between the pages, as they do while someone reads.
            await new RecordConversationBuilder(Start.AddHours(1).AddMinutes(added++)).ServedBy(_team.Sales1).Answered().SaveAsync(_db);
        }
        while (cursor is not null);

        Assert.Equal(original.AsEnumerable().Reverse(), seen);
    }

    [Fact]
    public async Task Chosen_columns_are_remembered_per_account()
    {
        var preferences = _db.GetRequiredService<RecordColumnPreferences>();

        await preferences.SaveAsync(_team.Sales1, [RecordColumn.VisitorIp, RecordColumn.RequestedAt]);

        Assert.Equal([RecordColumn.RequestedAt, RecordColumn.VisitorIp], await preferences.GetAsync(_team.Sales1));
        Assert.Equal(RecordColumns.Default, await preferences.GetAsync(_team.Sales2));
        await preferences.SaveAsync(_team.Sales1, [RecordColumn.Agent]);
        Assert.Equal([RecordColumn.Agent], await preferences.GetAsync(_team.Sales1));
    }
}
