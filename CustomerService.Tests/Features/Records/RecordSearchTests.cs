using CustomerService.Domain.Conversations;
using CustomerService.Domain.Organisation;
using CustomerService.Domain.Records;
using CustomerService.Domain.Reporting;
using CustomerService.Domain.Visitors;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Records;

namespace CustomerService.Tests.Features.Records;

/// <summary>
/// Every filter and list of 互动记录 (SPEC G1, G2) against one builder-made March 2026 (UTC: the test database has no
/// enterprise profile), expecting exact conversations. Each conversation below differs from “plain” in one respect.
/// </summary>
public sealed class RecordSearchTests : IAsyncLifetime
{
    private static readonly DateTime March10 = new(2026, 3, 10, 4, 0, 0, DateTimeKind.Utc);
    private static readonly ReportPeriod March = new(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31));

    private TestDatabase _db = null!;
    private DemoTeam _team = null!;
    private readonly Dictionary<string, long> _ids = [];
    private Dictionary<string, int> _accountGroups = [];
    private int _parentType;
    private int _childType;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(services => services.AddRecordsFeature());
        _db.Clock.Set(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        _team = await DemoTeam.AddToAsync(_db);
        await using (var db = _db.NewContext())
        {
            _accountGroups = db.AccountGroups.ToDictionary(g => g.Name, g => g.Id);
            var parent = new ConsultationType(0, null, "售后");
            db.ConsultationTypes.Add(parent);
            await db.SaveChangesAsync();
            var child = new ConsultationType(0, parent.Id, "退款");
            db.ConsultationTypes.Add(child);
            await db.SaveChangesAsync();
            (_parentType, _childType) = (parent.Id, child.Id);
        }

        var t = March10;
        await Add("plain", new RecordConversationBuilder(t).ServedBy(_team.Sales1).Answered());
        await Add("invalid", new RecordConversationBuilder(t.AddMinutes(1)).ServedBy(_team.Sales1).Unanswered());
        await Add("rated", new RecordConversationBuilder(t.AddMinutes(2)).ServedBy(_team.Sales2).Answered().RatedAs(EvaluationLevel.VerySatisfied));
        await Add("ip", new RecordConversationBuilder(t.AddMinutes(3)).ServedBy(_team.Sales1).Answered().FromIp("203.0.113.7"));
        await Add("vip", new RecordConversationBuilder(t.AddMinutes(4)).ServedBy(_team.Sales2).Answered().Vip());
        await Add("summarized", new RecordConversationBuilder(t.AddMinutes(5)).ServedBy(_team.Sales1).Answered().SummarizedAs(_childType));
        await Add("group2", new RecordConversationBuilder(t.AddMinutes(6)).ServedBy(_team.Sales3).Answered().InReceptionGroup(2));
        await Add("invited", new RecordConversationBuilder(t.AddMinutes(7)).ServedBy(_team.Sales3).Inviting(_team.Sales2).Answered());
        await Add("refund", new RecordConversationBuilder(t.AddMinutes(8)).ServedBy(_team.Sales1).Answered().Says("我要退款，谢谢"));
        await Add("named", new RecordConversationBuilder(t.AddMinutes(9)).ServedBy(_team.Sales1).Answered().Named("张三丰"));
        await Add("purchased", new RecordConversationBuilder(t.AddMinutes(10)).ServedBy(_team.Sales1).Answered().ForUser("u-1").OrderPlacedAfter(TimeSpan.FromDays(2)));
        await Add("orderTooLate", new RecordConversationBuilder(t.AddMinutes(11)).ServedBy(_team.Sales1).Answered().ForUser("u-2").OrderPlacedAfter(TimeSpan.FromDays(8)));
        await Add("cart", new RecordConversationBuilder(t.AddMinutes(12)).ServedBy(_team.Sales1).Answered()
            .StartedOn(KeyPageType.Cart, Terminal.WeChat, "广东省 深圳市", new TrafficSource(TrafficSourceKind.SearchEngine, SearchEngine.Baidu, "耳机")));
        await Add("orderPage", new RecordConversationBuilder(t.AddMinutes(13)).ServedBy(_team.Sales1).Answered()
            .StartedOn(KeyPageType.OrderSuccess, Terminal.App, "广东省 广州市", new TrafficSource(TrafficSourceKind.Referral, ReferrerHost: "blog.example")));
        await Add("product", new RecordConversationBuilder(t.AddMinutes(14)).ServedBy(_team.Sales1).Answered().StartedOn(KeyPageType.Product, Terminal.MobileWeb, "北京市 北京市"));
        await Add("payment", new RecordConversationBuilder(t.AddMinutes(15)).ServedBy(_team.Sales1).Answered().StartedOn(KeyPageType.Payment));
        var returning = await Add("visit1", new RecordConversationBuilder(t.AddDays(1)).ServedBy(_team.Sales2).Answered().Named("老客"));
        var visitor = await VisitorOf(returning);
        await Add("visit2", new RecordConversationBuilder(t.AddDays(2)).ServedBy(_team.Sales2).Answered().ForVisitor(visitor));
        await Add("visit3", new RecordConversationBuilder(t.AddDays(3)).ServedBy(_team.Sales2).Answered().ForVisitor(visitor));
        await Add("visit4", new RecordConversationBuilder(t.AddDays(4)).ServedBy(_team.Sales2).Answered().ForVisitor(visitor));
        // Neither is in the lists: one was requested in February, the other never reached an agent (SPEC I0).
        await Add("february", new RecordConversationBuilder(new DateTime(2026, 2, 27, 4, 0, 0, DateTimeKind.Utc)).ServedBy(_team.Sales1).Answered());
        await Add("neverServed", new RecordConversationBuilder(t.AddMinutes(30)));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private RecordListService Records => _db.GetRequiredService<RecordListService>();

    private const string AllInMarch =
        "plain invalid rated ip vip summarized group2 invited refund named purchased orderTooLate cart orderPage product payment visit1 visit2 visit3 visit4";

    [Theory]
    [InlineData("keyword:退款", "refund")]
    [InlineData("keyword:张三丰", "named")]
    [InlineData("ip:203.0.113.7", "ip")]
    [InlineData("agent:sales2", "rated vip invited visit1 visit2 visit3 visit4")]
    [InlineData("group:2", "group2")]
    [InlineData("accountGroup:售后组", "group2 invited")]
    [InlineData("accountGroup:售前组", "plain invalid rated ip vip summarized invited refund named purchased orderTooLate cart orderPage product payment visit1 visit2 visit3 visit4")]
    [InlineData("accountGroup:管理部", "")]
    [InlineData("rating:VerySatisfied", "rated")]
    [InlineData("rating:Unrated", "plain invalid ip vip summarized group2 invited refund named purchased orderTooLate cart orderPage product payment visit1 visit2 visit3 visit4")]
    [InlineData("purchased:true", "purchased")]
    [InlineData("visits:Once", "plain invalid rated ip vip summarized group2 invited refund named purchased orderTooLate cart orderPage product payment visit1")]
    [InlineData("visits:Twice", "visit2")]
    [InlineData("visits:Thrice", "visit3")]
    [InlineData("visits:MoreThanThree", "visit4")]
    [InlineData("type:parent", "summarized")]
    [InlineData("type:child", "summarized")]
    [InlineData("valid:false", "invalid")]
    [InlineData("valid:true", "plain rated ip vip summarized group2 invited refund named purchased orderTooLate cart orderPage product payment visit1 visit2 visit3 visit4")]
    [InlineData("vip:true", "vip")]
    [InlineData("vip:false", "plain invalid rated ip summarized group2 invited refund named purchased orderTooLate cart orderPage product payment visit1 visit2 visit3 visit4")]
    [InlineData("region:广东省", "cart orderPage")]
    [InlineData("region:广东省 深圳市", "cart")]
    [InlineData("source:Baidu", "cart")]
    [InlineData("source:Referral", "orderPage")]
    [InlineData("source:Direct", "product payment")]
    [InlineData("terminal:WeChat", "cart")]
    [InlineData("terminal:App", "orderPage")]
    [InlineData("terminal:MobileWeb", "product")]
    [InlineData("terminal:PC", "payment")]
    [InlineData("source:Google", "")]
    [InlineData("mode:Human", AllInMarch)]
    [InlineData("mode:Robot", "")]
    public async Task Each_filter_finds_exactly_its_conversations(string filter, string expected)
    {
        var found = await SearchAsync(RecordList.All, Filter(filter));

        Assert.Equal(Names(expected), found);
    }

    [Fact]
    public async Task The_quick_search_finds_a_visitor_by_his_number_and_by_the_merchants_user_id()
    {
        var visitor = await VisitorOf(_ids["visit1"]);

        Assert.Equal(Names("visit1 visit2 visit3 visit4"), await SearchAsync(RecordList.All, new RecordFilter { Keyword = visitor.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        Assert.Equal(Names("purchased"), await SearchAsync(RecordList.All, new RecordFilter { Keyword = "u-1" }));
    }

    [Fact]
    public async Task Not_purchased_is_every_valid_consultation_but_the_purchased_one()
    {
        var found = await SearchAsync(RecordList.All, new RecordFilter { Purchased = false });

        Assert.Equal(Names("plain rated ip vip summarized group2 invited refund named orderTooLate cart orderPage product payment visit1 visit2 visit3 visit4"), found);
    }

    [Theory]
    [InlineData(RecordList.All, AllInMarch)]
    [InlineData(RecordList.Valid, "plain rated ip vip summarized group2 invited refund named purchased orderTooLate cart orderPage product payment visit1 visit2 visit3 visit4")]
    [InlineData(RecordList.Invalid, "invalid")]
    [InlineData(RecordList.Purchased, "purchased")]
    [InlineData(RecordList.NotPurchased, "plain rated ip vip summarized group2 invited refund named orderTooLate cart orderPage product payment visit1 visit2 visit3 visit4")]
    [InlineData(RecordList.Summarized, "summarized")]
    [InlineData(RecordList.Unsummarized, "plain rated ip vip group2 invited refund named purchased orderTooLate cart orderPage product payment visit1 visit2 visit3 visit4")]
    [InlineData(RecordList.StageProduct, "product")]
    [InlineData(RecordList.StageCart, "cart")]
    [InlineData(RecordList.StageOrder, "orderPage")]
    [InlineData(RecordList.StagePayment, "payment")]
    [InlineData(RecordList.StageOther, "plain rated ip vip summarized group2 invited refund named purchased orderTooLate visit1 visit2 visit3 visit4")]
    public async Task Each_list_of_the_navigation_holds_its_conversations(RecordList list, string expected)
    {
        Assert.Equal(Names(expected), await SearchAsync(list, new RecordFilter()));
    }

    [Fact]
    public async Task Each_evaluation_level_finds_its_own_conversations_and_a_start_page_type_its_stage()
    {
        // April, apart from March's set: one conversation rated at each level, and one started on an order-fill page.
        var april = new ReportPeriod(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30));
        var t = March10.AddMonths(1);
        var levels = new[] { EvaluationLevel.VeryDissatisfied, EvaluationLevel.Dissatisfied, EvaluationLevel.Neutral, EvaluationLevel.Satisfied, EvaluationLevel.VerySatisfied };
        foreach (var (level, i) in levels.Select((level, i) => (level, i)))
        {
            await Add("rated" + level, new RecordConversationBuilder(t.AddMinutes(i)).ServedBy(_team.Sales1).Answered().RatedAs(level));
        }

        await Add("orderFill", new RecordConversationBuilder(t.AddMinutes(10)).ServedBy(_team.Sales1).Answered().StartedOn(KeyPageType.OrderFill));
        await Add("home", new RecordConversationBuilder(t.AddMinutes(11)).ServedBy(_team.Sales1).Answered().StartedOn(KeyPageType.Home));

        foreach (var (rating, expected) in new[]
        {
            (RatingFilter.VeryDissatisfied, "ratedVeryDissatisfied"), (RatingFilter.Dissatisfied, "ratedDissatisfied"), (RatingFilter.Neutral, "ratedNeutral"),
            (RatingFilter.Satisfied, "ratedSatisfied"), (RatingFilter.VerySatisfied, "ratedVerySatisfied"), (RatingFilter.Unrated, "orderFill home"),
        })
        {
            var found = (await Records.PageAsync(_team.Admin, new RecordSearch(april, RecordList.All, new RecordFilter { Rating = rating }), null, 100)).Value!.Rows;
            Assert.Equal(Names(expected), NamesOf(found.Select(r => r.Id)));
        }

        var orderStage = (await Records.PageAsync(_team.Admin, new RecordSearch(april, RecordList.StageOrder, new RecordFilter()), null, 100)).Value!.Rows;
        Assert.Equal(Names("orderFill"), NamesOf(orderStage.Select(r => r.Id)));
        // A home page is no shopping key page: 其他环节, with the conversations that have no start view at all.
        var otherStage = (await Records.PageAsync(_team.Admin, new RecordSearch(april, RecordList.StageOther, new RecordFilter()), null, 100)).Value!.Rows;
        Assert.Equal(Names("home ratedVeryDissatisfied ratedDissatisfied ratedNeutral ratedSatisfied ratedVerySatisfied"), NamesOf(otherStage.Select(r => r.Id)));
    }

    [Fact]
    public async Task The_counts_beside_the_lists_add_up_as_002_splits_them()
    {
        var counts = (await Records.CountsAsync(_team.Admin, new RecordSearch(March, RecordList.Valid, new RecordFilter()))).Value!;

        Assert.Equal((20, 19, 1), (counts[RecordList.All], counts[RecordList.Valid], counts[RecordList.Invalid]));
        Assert.Equal((1, 18), (counts[RecordList.Purchased], counts[RecordList.NotPurchased]));
        Assert.Equal((1, 18), (counts[RecordList.Summarized], counts[RecordList.Unsummarized]));
        Assert.Equal((1, 1, 1, 1, 15), (counts[RecordList.StageProduct], counts[RecordList.StageCart], counts[RecordList.StageOrder], counts[RecordList.StagePayment], counts[RecordList.StageOther]));
        Assert.Equal(12, counts.Count);
    }

    [Theory]
    [InlineData("admin", null)]
    [InlineData("lead", null)]
    [InlineData("sales1", null)]
    [InlineData("sales3", null)]
    [InlineData("admin", "退款")]
    public async Task Each_count_is_the_number_of_rows_its_list_shows(string login, string? keyword)
    {
        var filter = new RecordFilter { Keyword = keyword };
        var counts = (await Records.CountsAsync(_team[login], new RecordSearch(March, RecordList.Valid, filter))).Value!;

        foreach (var list in RecordListService.NavigationLists)
        {
            var rows = (await Records.PageAsync(_team[login], new RecordSearch(March, list, filter), null, 100)).Value!.Rows;
            Assert.True(counts[list] == rows.Count, $"{list}: counted {counts[list]}, listed {rows.Count}");
        }
    }

    [Theory]
    [InlineData("sales1", "plain invalid ip summarized refund named purchased orderTooLate cart orderPage product payment")]
    [InlineData("sales3", "group2 invited")]
    [InlineData("lead", "plain invalid rated ip vip summarized invited refund named purchased orderTooLate cart orderPage product payment visit1 visit2 visit3 visit4")]
    [InlineData("qc", AllInMarch)]
    public async Task Each_role_lists_only_the_records_its_scope_shows(string login, string expected)
    {
        var page = await Records.PageAsync(_team[login], new RecordSearch(March, RecordList.All, new RecordFilter()), null, 100);

        Assert.Equal(Names(expected), NamesOf(page.Value!.Rows.Select(r => r.Id)));
    }

    [Theory]
    [InlineData("x", "RecordKeywordLength")]
    [InlineData("1.2.3", "RecordIpMalformed")]
    [InlineData("999.1.1.1", "RecordIpMalformed")]
    public async Task Bad_input_is_refused_before_any_query(string input, string code)
    {
        var filter = code == "RecordKeywordLength" ? new RecordFilter { Keyword = input } : new RecordFilter { VisitorIp = input };

        var page = await Records.PageAsync(_team.Admin, new RecordSearch(March, RecordList.All, filter), null);

        Assert.Equal(code, page.Violation?.Code);
    }

    [Theory]
    [InlineData("lead", "售后组", "invited")]
    [InlineData("sales1", "售后组", "")]
    [InlineData("sales3", "售前组", "invited")]
    [InlineData("sales3", "售后组", "group2 invited")]
    public async Task An_account_group_filter_stays_inside_the_records_scope(string login, string group, string expected)
    {
        // A team lead naming another group sees only what his own scope already shows: the conversation his agent was
        // invited to; the other group's own conversations (group2) stay out.
        var page = await Records.PageAsync(_team[login], new RecordSearch(March, RecordList.All, new RecordFilter { AccountGroupId = _accountGroups[group] }), null, 100);

        Assert.Equal(Names(expected), NamesOf(page.Value!.Rows.Select(r => r.Id)));
    }

    [Theory]
    [InlineData(999_999)]
    [InlineData(0)]
    [InlineData(-3)]
    public async Task An_account_group_that_does_not_exist_is_refused_by_the_list_and_its_counts(int groupId)
    {
        var search = new RecordSearch(March, RecordList.All, new RecordFilter { AccountGroupId = groupId });

        Assert.Equal("Records.AccountGroupUnknown", (await Records.PageAsync(_team.Admin, search, null)).Violation?.Code);
        Assert.Equal("Records.AccountGroupUnknown", (await Records.CountsAsync(_team.Admin, search)).Violation?.Code);
    }

    [Fact]
    public async Task Problem_solved_finds_the_ratings_that_answered_it_and_no_other()
    {
        // May, apart from March's set: solved, unsolved, rated without answering, not rated.
        var may = new ReportPeriod(new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 31));
        var t = March10.AddMonths(2);
        await Add("solved", new RecordConversationBuilder(t).ServedBy(_team.Sales1).Answered().RatedAs(EvaluationLevel.Satisfied, solved: true));
        await Add("unsolved", new RecordConversationBuilder(t.AddMinutes(1)).ServedBy(_team.Sales1).Answered().RatedAs(EvaluationLevel.Dissatisfied, solved: false));
        await Add("silent", new RecordConversationBuilder(t.AddMinutes(2)).ServedBy(_team.Sales1).Answered().RatedAs(EvaluationLevel.Satisfied));
        await Add("unrated", new RecordConversationBuilder(t.AddMinutes(3)).ServedBy(_team.Sales1).Unanswered());

        async Task<List<string>> Solved(bool solved) => NamesOf((await Records.PageAsync(
            _team.Admin, new RecordSearch(may, RecordList.All, new RecordFilter { ProblemSolved = solved }), null, 100)).Value!.Rows.Select(r => r.Id));

        Assert.Equal(Names("solved"), await Solved(true));
        Assert.Equal(Names("unsolved"), await Solved(false));
    }

    [Fact]
    public async Task A_keyword_of_500_characters_is_refused()
    {
        var page = await Records.PageAsync(_team.Admin, new RecordSearch(March, RecordList.All, new RecordFilter { Keyword = new string('退', 500) }), null);

        Assert.Equal("RecordKeywordLength", page.Violation?.Code);
    }

    [Theory]
    [InlineData("2025-03-01", "2026-03-31", "ReportPeriodTooLong")]
    [InlineData("2026-03-31", "2026-03-01", "ReportPeriodReversed")]
    public async Task A_period_over_a_year_or_reversed_is_refused_by_the_list_and_its_counts(string from, string to, string code)
    {
        // The period picker refuses it on the page; the service must too (a crafted link, an export request).
        var period = new ReportPeriod(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));
        var search = new RecordSearch(period, RecordList.All, new RecordFilter());

        Assert.Equal(code, (await Records.PageAsync(_team.Admin, search, null)).Violation?.Code);
        Assert.Equal(code, (await Records.CountsAsync(_team.Admin, search)).Violation?.Code);
        Assert.Equal(code, CustomerService.Web.Features.Exports.RecordsExportRequest.For(search, [RecordColumn.Visitor]).Violation?.Code);
    }

    [Fact]
    public async Task A_period_of_exactly_366_days_is_searched()
    {
        var longest = new ReportPeriod(new DateOnly(2025, 6, 1), new DateOnly(2026, 6, 1));

        var page = await Records.PageAsync(_team.Admin, new RecordSearch(longest, RecordList.All, new RecordFilter()), null, 100);

        Assert.Equal(Names(AllInMarch + " february"), NamesOf(page.Value!.Rows.Select(r => r.Id)));
    }

    [Fact]
    public async Task Rows_carry_names_counts_and_purchase()
    {
        var page = await Records.PageAsync(_team.Admin, new RecordSearch(March, RecordList.All, new RecordFilter { Keyword = "张三丰" }), null);
        var named = Assert.Single(page.Value!.Rows);
        Assert.Equal(("张三丰", "sales1", 2, true, false), (named.VisitorName, named.AgentName, named.Messages, named.Valid, named.Purchased));

        var bought = Assert.Single((await Records.PageAsync(_team.Admin, new RecordSearch(March, RecordList.Purchased, new RecordFilter()), null)).Value!.Rows);
        Assert.True(bought.Purchased);
    }

    private async Task<long> Add(string name, RecordConversationBuilder builder)
    {
        var id = await builder.SaveAsync(_db);
        _ids[name] = id;
        return id;
    }

    private async Task<long> VisitorOf(long conversationId)
    {
        await using var db = _db.NewContext();
        return db.Conversations.Single(c => c.Id == conversationId).VisitorId;
    }

    private RecordFilter Filter(string spec)
    {
        var (key, value) = (spec[..spec.IndexOf(':', StringComparison.Ordinal)], spec[(spec.IndexOf(':', StringComparison.Ordinal) + 1)..]);
        return key switch
        {
            "keyword" => new RecordFilter { Keyword = value },
            "ip" => new RecordFilter { VisitorIp = value },
            "agent" => new RecordFilter { AgentId = _team[value] },
            "accountGroup" => new RecordFilter { AccountGroupId = _accountGroups[value] },
            "group" => new RecordFilter { ReceptionGroupId = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
            "rating" => new RecordFilter { Rating = Enum.Parse<RatingFilter>(value) },
            "purchased" => new RecordFilter { Purchased = bool.Parse(value) },
            "visits" => new RecordFilter { VisitCount = Enum.Parse<VisitCountFilter>(value) },
            "type" => new RecordFilter { ConsultationTypeId = value == "parent" ? _parentType : _childType },
            "valid" => new RecordFilter { Valid = bool.Parse(value) },
            "vip" => new RecordFilter { Vip = bool.Parse(value) },
            "region" => new RecordFilter { Region = value },
            "source" => new RecordFilter { Source = Enum.Parse<SourceFilter>(value) },
            "terminal" => new RecordFilter { Terminal = Enum.Parse<Terminal>(value) },
            "mode" => new RecordFilter { ReceptionMode = Enum.Parse<ReceptionModeFilter>(value) },
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec, "Unknown filter."),
        };
    }

    private async Task<List<string>> SearchAsync(RecordList list, RecordFilter filter)
    {
        var page = await Records.PageAsync(_team.Admin, new RecordSearch(March, list, filter), null, 100);
        Assert.Null(page.Violation);
        return NamesOf(page.Value!.Rows.Select(r => r.Id));
    }

    private static List<string> Names(string names) => [.. names.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)];

    private List<string> NamesOf(IEnumerable<long> ids) =>
        [.. ids.Select(id => _ids.Single(pair => pair.Value == id).Key).Order(StringComparer.Ordinal)];
}
