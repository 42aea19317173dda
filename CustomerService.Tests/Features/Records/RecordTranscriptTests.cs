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
}
