using CustomerService.Domain.Phrases;
using CustomerService.Tests.Builders;

namespace CustomerService.Tests.Domain.Phrases;

/// <summary>SPEC F6: suggestions as the agent types, and JD-style <c>/keyword</c> lookups by title.</summary>
public sealed class PhraseBookTests
{
    [Fact]
    public void Slash_keyword_suggests_phrases_whose_title_starts_with_it()
    {
        var book = PublishedPhraseBuilder.BookOf("退货流程", "退款时间", "如何退货", "退货地址");

        var titles = book.Suggest("/退货", 10).Select(p => p.Title);

        Assert.Equal(["退货流程", "退货地址"], titles);
    }

    [Fact]
    public void Slash_keyword_ignores_case_and_spaces()
    {
        var book = PublishedPhraseBuilder.BookOf("VIP 权益", "vip 退换", "普通会员");

        Assert.Equal(["VIP 权益", "vip 退换"], book.Suggest("  / Vip ", 10).Select(p => p.Title));
    }

    [Fact]
    public void Slash_keyword_does_not_match_content()
    {
        var book = new PhraseBook([new PublishedPhraseBuilder().Titled("问候").WithContent("退货请联系我们").Build()]);

        Assert.Empty(book.Suggest("/退货", 10));
    }

    [Fact]
    public void A_bare_slash_lists_every_phrase_up_to_the_maximum()
    {
        var book = PublishedPhraseBuilder.BookOf("甲", "乙", "丙");

        Assert.Equal(["甲", "乙"], book.Suggest("/", 2).Select(p => p.Title));
    }

    [Fact]
    public void Typed_text_ranks_title_prefix_then_title_match_then_content_prefix_then_content_match()
    {
        var contentMatch = new PublishedPhraseBuilder().Titled("甲").WithContent("请您稍等，快递已发出").Build();
        var titleMatch = new PublishedPhraseBuilder().Titled("查询快递").WithContent("乙").Build();
        var contentPrefix = new PublishedPhraseBuilder().Titled("丙").WithContent("【物流】快递一般三天送达").Build();
        var titlePrefix = new PublishedPhraseBuilder().Titled("快递公司").WithContent("丁").Build();
        var unrelated = new PublishedPhraseBuilder().Titled("问候").WithContent("您好").Build();
        var book = new PhraseBook([contentMatch, titleMatch, contentPrefix, titlePrefix, unrelated]);

        var suggested = book.Suggest("快递", 10);

        Assert.Equal([titlePrefix, titleMatch, contentPrefix, contentMatch], suggested);
    }

    [Fact]
    public void Hints_are_searchable_content()
    {
        var phrase = new PublishedPhraseBuilder().Titled("甲").WithContent("【尺码】建议拍大一码").Build();

        Assert.Equal([phrase], new PhraseBook([phrase]).Suggest("尺码", 5));
    }

    [Fact]
    public void Suggestions_stop_at_the_maximum_and_keep_the_book_order_within_a_rank()
    {
        var book = PublishedPhraseBuilder.BookOf("你好一", "你好二", "你好三");

        Assert.Equal(["你好一", "你好二"], book.Suggest("你好", 2).Select(p => p.Title));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Blank_input_suggests_nothing(string? input) =>
        Assert.Empty(PublishedPhraseBuilder.BookOf("你好").Suggest(input, 5));

    [Fact]
    public void Keyword_lookup_prefers_the_exact_title_then_the_only_prefix_match()
    {
        var book = PublishedPhraseBuilder.BookOf("退货", "退货地址", "发票");

        Assert.Equal("退货", book.FindByKeyword("/退货")?.Title);
        Assert.Equal("退货地址", book.FindByKeyword("/退货地")?.Title);
        Assert.Equal("发票", book.FindByKeyword("/发")?.Title);
    }

    [Theory]
    [InlineData("/退")]
    [InlineData("/不存在")]
    [InlineData("/")]
    [InlineData("退货")]
    [InlineData("、退货")] // what a Chinese input method types for the slash key: not a keyword
    public void Keyword_lookup_finds_nothing_when_ambiguous_missing_or_not_a_keyword(string input) =>
        Assert.Null(PublishedPhraseBuilder.BookOf("退货流程", "退款时间").FindByKeyword(input));

    [Fact]
    public void Suggestions_insert_the_content_without_its_hint()
    {
        var phrase = new PublishedPhraseBuilder().Titled("退货").WithContent("【退货】您好，请在订单页申请退货。").Build();

        var suggested = Assert.Single(new PhraseBook([phrase]).Suggest("/退", 5));

        Assert.Equal("退货", suggested.Hint);
        Assert.Equal("您好，请在订单页申请退货。", suggested.InsertionText);
    }

    [Fact]
    public void A_negative_number_of_suggestions_is_a_programming_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PublishedPhraseBuilder.BookOf("退货流程").Suggest("退", -1));
}
