using System.Text;
using CustomerService.Domain.Organisation;
using CustomerService.Domain.Reporting;
using CustomerService.Domain.Visitors;

namespace CustomerService.Tests.Domain.Reporting;

/// <summary>
/// Tallies of days or agents merge into exactly the tally of them all (SPEC I0, I4): counts add up, funnel visitors are
/// united, a page keeps its first title; a rolled tally reads back as it was written.
/// </summary>
public sealed class OriginTallyTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    private static DateTime Utc(int day, int hour) => new(2026, 1, day, hour, 0, 0, DateTimeKind.Utc);

    private static OriginPageView View(long visitor, DateTime at, TrafficSourceKind kind, KeyPageType? keyPage = null, string? keyword = null, string? region = null) =>
        new(visitor, at, kind, kind == TrafficSourceKind.SearchEngine ? SearchEngine.Baidu : null, keyword, keyPage, Terminal.PC, region);

    /// <summary>
    /// Visitor 1 asks a1 on day 5 (02:00 UTC, 10:00 local) from /p "商品" after a Baidu search for 发票, and a2 on day 6 from
    /// /p; he pays on day 6 at 05:00 (after both). Visitor 2 asks a1 on day 6 from /q (invalid) and pays too.
    /// </summary>
    private static (OriginConsultation[] Consultations, OriginPageView[] Views) Scenario() =>
    (
        [
            new(1, 1, Utc(5, 2), "/p", "商品", Valid: true, AgentId: 1),
            new(2, 1, Utc(6, 2), "/p", "商品（新）", Valid: true, AgentId: 2),
            new(3, 2, Utc(6, 3), "/q", null, Valid: false, AgentId: 1),
        ],
        [
            View(1, Utc(5, 1), TrafficSourceKind.SearchEngine, keyword: "发票", region: "上海市"),
            View(1, Utc(6, 5), TrafficSourceKind.Internal, KeyPageType.Payment),
            View(2, Utc(6, 4), TrafficSourceKind.Internal, KeyPageType.Payment),
        ]);

    [Fact]
    public void Tallies_per_agent_and_per_day_merge_into_the_tally_of_them_all()
    {
        var (consultations, views) = Scenario();
        var day5 = ConsultationOrigins.TallyByAgent([consultations[0]], views, Week, Shanghai);
        var day6 = ConsultationOrigins.TallyByAgent([consultations[1], consultations[2]], views, Week, Shanghai);

        var merged = OriginTally.Merge([day5[1], day6[1], day6[2]]).ToFigures();

        Assert.Equal(
            [new StartPageFigures("/p", "商品", 2, 2, 0, 0, 1), new StartPageFigures("/q", null, 1, 0, 0, 0, 0)],
            merged.StartPages);
        Assert.Equal([new OriginCount("SearchEngine.Baidu", 2), new OriginCount("Direct", 1)], merged.Sources);
        Assert.Equal([new OriginCount("发票", 2)], merged.Keywords);
        Assert.Equal([new OriginCount("PC", 2), new OriginCount(ConsultationOrigins.Unknown, 1)], merged.Terminals);
        Assert.Equal([new OriginCount("上海市", 2), new OriginCount(ConsultationOrigins.Unknown, 1)], merged.Regions);
        Assert.Equal((2L, 1L), (merged.ByHour[10], merged.ByHour[11]));
        Assert.Equal(3, merged.ByHour.Sum());
        Assert.Equal(JsonOf(ConsultationOrigins.Analyze(consultations, views, Week, Shanghai)), JsonOf(merged));
    }

    [Fact]
    public void Merging_leaves_the_tallies_merged_unchanged()
    {
        var (consultations, views) = Scenario();
        var a1 = ConsultationOrigins.TallyByAgent(consultations, views, Week, Shanghai)[1];
        var before = Encoding.UTF8.GetString(a1.ToJson());

        var merged = OriginTally.Merge([a1, a1]);

        Assert.Equal(before, Encoding.UTF8.GetString(a1.ToJson()));
        Assert.Equal(4, merged.ByHour.Sum());
        Assert.Equal([1L], merged.StartPages["/p"].Payment);
    }

    [Fact]
    public void A_page_merged_unites_each_funnel_step_and_adds_its_counts()
    {
        var first = new StartPageTally { Title = null, Consultations = 2, Valid = 1, OrderFill = [1], OrderSubmit = [1], Payment = [] };
        var second = new StartPageTally { Title = "商品", Consultations = 3, Valid = 2, OrderFill = [1, 2], OrderSubmit = [2], Payment = [2] };

        first.Add(second);

        Assert.Equal(("商品", 5L, 3L), (first.Title, first.Consultations, first.Valid));
        Assert.Equal([1L, 2L], first.OrderFill.Order());
        Assert.Equal([1L, 2L], first.OrderSubmit.Order());
        Assert.Equal([2L], first.Payment);
    }

    [Fact]
    public void A_tally_reads_back_as_it_was_written()
    {
        var (consultations, views) = Scenario();
        var tally = ConsultationOrigins.Tally(consultations, views, Week, Shanghai);

        var read = OriginTally.FromJson(tally.ToJson());

        Assert.Equal(JsonOf(tally.ToFigures()), JsonOf(read.ToFigures()));
        Assert.Equal([1L], read.StartPages["/p"].Payment);
        Assert.False(read.IsEmpty);
        Assert.True(new OriginTally().IsEmpty);
    }

    [Fact]
    public void A_stored_tally_that_is_not_one_is_refused()
    {
        Assert.Throws<FormatException>(() => OriginTally.FromJson(Encoding.UTF8.GetBytes("null")));
        Assert.Throws<FormatException>(() => OriginTally.FromJson(Encoding.UTF8.GetBytes("""{"ByHour":[1,2]}""")));
        Assert.Throws<ArgumentNullException>(() => OriginTally.FromJson(null!));
    }

    [Fact]
    public void A_roll_per_agent_needs_every_consultations_agent_and_arguments()
    {
        OriginConsultation[] noAgent = [new(1, 1, Utc(5, 2), "/p", null, true)];

        Assert.Throws<ArgumentException>(() => ConsultationOrigins.TallyByAgent(noAgent, [], Week, Shanghai));
        Assert.Throws<ArgumentNullException>(() => ConsultationOrigins.TallyByAgent(null!, [], Week, Shanghai));
        Assert.Throws<ArgumentNullException>(() => ConsultationOrigins.TallyByAgent([], null!, Week, Shanghai));
        Assert.Throws<ArgumentNullException>(() => ConsultationOrigins.TallyByAgent([], [], Week, null!));
        Assert.Throws<ArgumentNullException>(() => ConsultationOrigins.Tally(null!, [], Week, Shanghai));
        Assert.Throws<ArgumentNullException>(() => ConsultationOrigins.Tally([], null!, Week, Shanghai));
        Assert.Throws<ArgumentNullException>(() => ConsultationOrigins.Tally([], [], Week, null!));
        Assert.Throws<ArgumentNullException>(() => new OriginRollupRow(new DateOnly(2026, 1, 5), 1, null!));
        Assert.Throws<ArgumentNullException>(() => OriginTally.Merge(null!));
        Assert.Throws<ArgumentNullException>(() => new OriginTally().Add(null!));
        Assert.Throws<ArgumentNullException>(() => new StartPageTally().Add(null!));
    }

    private static string JsonOf(OriginFigures figures) => System.Text.Json.JsonSerializer.Serialize(figures);
}
