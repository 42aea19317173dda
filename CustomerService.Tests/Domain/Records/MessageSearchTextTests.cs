using CustomerService.Domain.Records;

namespace CustomerService.Tests.Domain.Records;

public sealed class MessageSearchTextTests
{
    [Theory]
    [InlineData("我要退款", " 我要 要退 退款  ")]
    [InlineData("退款", " 退款  ")]
    [InlineData("好", " 好 ")]
    [InlineData("我要退款，谢谢", " 我要 要退 退款  , 谢谢  ")] // NFKC: the full-width comma becomes ASCII
    [InlineData("iPhone坏了", "iPhone 坏了  ")]
    [InlineData("订单号2026031012345已付款", " 订单 单号  2026031012345 已付 付款  ")]
    [InlineData("ｉＰｈｏｎｅ １２３", "iPhone 123")]
    [InlineData("", "")]
    public void Chinese_runs_become_bigrams_and_everything_else_stays_as_written(string text, string expected)
    {
        Assert.Equal(expected, MessageSearchText.Index(text));
    }

    [Theory]
    [InlineData("退款", "\" 退款  \"")]
    [InlineData("申请退款", "\" 申请 请退 退款  \"")]
    [InlineData("iPhon", "\"iPhon\" *")]
    [InlineData("SO-2026", "\"SO-2026\" *")]
    [InlineData("A店", "\"A 店 \" *")]
    [InlineData("  发票 ", "\" 发票  \"")]
    [InlineData("说\"好\"", "\" 说 \"\" 好 \"\"\" *")]
    public void A_keyword_becomes_one_phrase_of_the_same_tokens(string keyword, string expected)
    {
        Assert.Equal(expected, MessageSearchText.Query(keyword));
    }

    [Theory]
    [InlineData("，。")]
    [InlineData("!?")]
    public void A_keyword_without_letters_or_digits_has_no_index_query(string keyword)
    {
        Assert.Null(MessageSearchText.Query(keyword));
    }
}
