using CustomerService.Domain.Records;
using CustomerService.Domain.Reporting;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Records;

namespace CustomerService.Tests.Features.Records;

/// <summary>The transcript view's reads (SPEC G3): the conversation in order, its scope (404 outside), previous / next.</summary>
public sealed class RecordTranscriptTests : IAsyncLifetime
{
    private static readonly DateTime Start = new(2026, 3, 10, 4, 0, 0, DateTimeKind.Utc);
    private static readonly ReportPeriod March = new(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31));

    private TestDatabase _db = null!;
    private DemoTeam _team = null!;

    private RecordTranscriptService Transcripts => _db.GetRequiredService<RecordTranscriptService>();

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(services => services.AddRecordsFeature());
        _team = await DemoTeam.AddToAsync(_db);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task The_transcript_shows_every_message_in_order_and_who_took_part()
    {
        var id = await new RecordConversationBuilder(Start).ServedBy(_team.Sales3).Inviting(_team.Sales2).Answered()
            .Says("第一句").Says("我要退款").SaveAsync(_db);

        var transcript = await Transcripts.GetAsync(_team.Admin, id);

        Assert.Equal(["第一句", "我要退款", "您好，请问有什么可以帮您？"], transcript!.Messages.Select(m => m.Text));
        Assert.Equal([1L, 2L, 3L], transcript.Messages.Select(m => m.Seq));
        Assert.Equal(["sales3", "sales2"], transcript.Participants.Select(p => p.Name));
    }

    [Theory]
    [InlineData("sales1", false)]
    [InlineData("sales3", false)]
    [InlineData("sales2", true)]
    [InlineData("lead", true)]
    [InlineData("qc", true)]
    [InlineData("admin", true)]
    public async Task Outside_the_records_scope_a_transcript_does_not_exist(string login, bool visible)
    {
        var id = await new RecordConversationBuilder(Start).ServedBy(_team.Sales2).Answered().SaveAsync(_db);

        var transcript = await Transcripts.GetAsync(_team[login], id);

        Assert.Equal(visible, transcript is not null);
    }

    [Fact]
    public async Task Previous_and_next_follow_the_list_it_was_opened_from()
    {
        var older = await new RecordConversationBuilder(Start).ServedBy(_team.Sales1).Answered().SaveAsync(_db);
        await new RecordConversationBuilder(Start.AddMinutes(1)).ServedBy(_team.Sales1).Unanswered().SaveAsync(_db);
        var middle = await new RecordConversationBuilder(Start.AddMinutes(2)).ServedBy(_team.Sales1).Answered().SaveAsync(_db);
        var newer = await new RecordConversationBuilder(Start.AddMinutes(3)).ServedBy(_team.Sales1).Answered().SaveAsync(_db);
        var valid = new RecordSearch(March, RecordList.Valid, new RecordFilter());

        Assert.Equal((newer, older), await Transcripts.NeighboursAsync(_team.Admin, valid, middle));
        Assert.Equal((null, middle), await Transcripts.NeighboursAsync(_team.Admin, valid, newer));
        Assert.Equal((middle, null), await Transcripts.NeighboursAsync(_team.Admin, valid, older));
    }

    [Fact]
    public async Task Previous_and_next_of_an_advanced_search_stay_in_that_search()
    {
        // sales1's three conversations with sales2's in between: the agent list must skip sales2's.
        var older = await new RecordConversationBuilder(Start).ServedBy(_team.Sales1).Answered().SaveAsync(_db);
        await new RecordConversationBuilder(Start.AddMinutes(1)).ServedBy(_team.Sales2).Answered().SaveAsync(_db);
        var middle = await new RecordConversationBuilder(Start.AddMinutes(2)).ServedBy(_team.Sales1).Answered().FromIp("203.0.113.9").SaveAsync(_db);
        await new RecordConversationBuilder(Start.AddMinutes(3)).ServedBy(_team.Sales2).Answered().SaveAsync(_db);
        var newer = await new RecordConversationBuilder(Start.AddMinutes(4)).ServedBy(_team.Sales1).Answered().SaveAsync(_db);
        var agentList = new RecordSearch(March, RecordList.Valid, new RecordFilter { AgentId = _team.Sales1, Keyword = "您好" });

        // The list's row links to the transcript; the transcript reads its list back from that address.
        var opened = Reopened(RecordLinks.Transcript(middle, agentList));

        Assert.Equal(agentList, opened);
        Assert.Equal((newer, older), await Transcripts.NeighboursAsync(_team.Admin, opened!, middle));
        Assert.Equal(new RecordFilter { VisitorIp = "203.0.113.9", Rating = RatingFilter.Unrated }, Reopened(RecordLinks.Transcript(middle,
            new RecordSearch(March, RecordList.All, new RecordFilter { VisitorIp = "203.0.113.9", Rating = RatingFilter.Unrated })))!.Filter);
    }

    [Theory]
    [InlineData("/records/1?list=All&from=2026-03-01&to=2026-03-31&f=not-base64!")]
    [InlineData("/records/1?list=All&from=2026-03-01&to=2026-03-31&f=bm90IGpzb24")]
    [InlineData("/records/1?list=All&from=2025-03-01&to=2026-03-31")]
    [InlineData("/records/1?list=Retired&from=2026-03-01&to=2026-03-31")]
    [InlineData("/records/1?list=All&from=2026-03-01&to=2026-03-31&q=x")]
    public void An_address_whose_list_cannot_be_used_gives_no_previous_or_next(string address)
    {
        Assert.Null(Reopened(address));
    }

    /// <summary>The search a transcript address names, read as the page reads its query.</summary>
    private static RecordSearch? Reopened(string address)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + address).Query);
        string? Get(string name) => query.TryGetValue(name, out var value) ? value.ToString() : null;
        return RecordLinks.ReadSearch(Get("list"), Get("from"), Get("to"), Get("q"), Get("f"));
    }
}
