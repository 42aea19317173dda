using CustomerService.Domain.Records;
using CustomerService.Domain.Reporting;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Records;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Features.Records;

/// <summary>
/// The message keyword search of 互动记录 (SPEC G2, issue 12) through the FTS5 bigram index: two-character Chinese
/// terms, longer phrases, Latin words and numbers, and a message stored after the index was built.
/// </summary>
public sealed class RecordKeywordSearchTests : IAsyncLifetime
{
    private static readonly DateTime March10 = new(2026, 3, 10, 4, 0, 0, DateTimeKind.Utc);
    private static readonly ReportPeriod March = new(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31));

    private TestDatabase _db = null!;
    private DemoTeam _team = null!;
    private readonly Dictionary<long, string> _names = [];

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(services => services.AddRecordsFeature());
        _db.Clock.Set(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        _team = await DemoTeam.AddToAsync(_db);
        var t = March10;
        await Add("refund", t, "我要退款，谢谢");
        await Add("applyRefund", t.AddMinutes(1), "怎么申请退款？");
        await Add("returnGoods", t.AddMinutes(2), "我想退货");
        await Add("invoice", t.AddMinutes(3), "能开发票吗", "发票抬头写公司");
        await Add("phone", t.AddMinutes(4), "我的IPHONE15坏了");
        await Add("order", t.AddMinutes(5), "订单号2026031012345已付款");
        await Add("fullWidth", t.AddMinutes(6), "ｉＰｈｏｎｅ充电器");
        await Add("split", t.AddMinutes(7), "退", "款");
        await Add("thanks", t.AddMinutes(8), "谢谢！！");
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Theory]
    [InlineData("退款", "refund applyRefund")]
    [InlineData("申请退款", "applyRefund")]
    [InlineData("请退", "applyRefund")]
    [InlineData("退货", "returnGoods")]
    [InlineData("发票", "invoice")]
    [InlineData("发票抬头", "invoice")]
    [InlineData("开发票吗", "invoice")]
    [InlineData("退款谢谢", "")]
    [InlineData("iPhone", "phone fullWidth")]
    [InlineData("iphone15", "phone")]
    [InlineData("iPho", "phone fullWidth")]
    [InlineData("2026031012345", "order")]
    [InlineData("20260310", "order")]
    [InlineData("单号2026031012345", "order")]
    [InlineData("付款", "order")]
    [InlineData("您好", "refund applyRefund returnGoods invoice phone order fullWidth split thanks")]
    public async Task A_keyword_finds_the_conversations_whose_messages_contain_it(string keyword, string expected)
    {
        Assert.Equal(Names(expected), await FindAsync(keyword));
    }

    [Fact]
    public async Task A_message_stored_later_is_found_at_once_and_a_deleted_conversation_no_longer_is()
    {
        var late = await Add("late", March10.AddHours(1), "发票什么时候寄出");
        Assert.Equal(Names("invoice late"), await FindAsync("发票"));

        await using (var db = _db.NewContext())
        {
            await db.Conversations.Where(c => c.Id == late).ExecuteDeleteAsync();
        }

        Assert.Equal(Names("invoice"), await FindAsync("发票"));
    }

    [Fact]
    public async Task A_keyword_of_punctuation_only_is_still_searched_without_the_index()
    {
        Assert.Equal(Names("thanks"), await FindAsync("！！"));
    }

    [Fact]
    public async Task A_lone_chinese_character_glued_before_latin_text_is_not_found_as_adr_018_says()
    {
        // The text holds 单号 as one bigram: a keyword starting with its second half cannot be a prefix of it.
        Assert.Empty(await FindAsync("号2026"));
    }

    private async Task<long> Add(string name, DateTime at, params string[] words)
    {
        var builder = new RecordConversationBuilder(at).ServedBy(_team.Sales1).Answered();
        foreach (var word in words)
        {
            builder = builder.Says(word);
        }

        var id = await builder.SaveAsync(_db);
        _names[id] = name;
        return id;
    }

    private async Task<IReadOnlySet<string>> FindAsync(string keyword)
    {
        var records = _db.GetRequiredService<RecordListService>();
        var page = await records.PageAsync(_team.Admin, new RecordSearch(March, RecordList.All, new RecordFilter { Keyword = keyword }), null, 100);
        Assert.Null(page.Violation);
        return page.Value!.Rows.Select(r => _names[r.Id]).ToHashSet();
    }

    private static IReadOnlySet<string> Names(string names) => names.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
}
