using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;

namespace CustomerService.Tests.Domain.Conversations;

/// <summary>SPEC E2 / K 常见问题: a question and its answer, both required and bounded.</summary>
public sealed class FaqItemTests
{
    [Fact]
    public void An_item_keeps_its_trimmed_question_and_answer_and_its_place()
    {
        var item = new FaqItem(" 多久发货？ ", " 付款后 48 小时内。 ", 3);

        Assert.Equal(("多久发货？", "付款后 48 小时内。", 3), (item.Question, item.Answer, item.SortOrder));
    }

    [Theory]
    [InlineData(null, "答", "Required(Faq.Question)")]
    [InlineData(" ", "答", "Required(Faq.Question)")]
    [InlineData("问", null, "Required(Faq.Answer)")]
    [InlineData("问", " ", "Required(Faq.Answer)")]
    public void Question_and_answer_are_required(string? question, string? answer, string expected) =>
        Assert.Equal(expected, FaqItem.Check(question, answer)?.ToString());

    [Fact]
    public void A_question_of_one_hundred_characters_is_accepted_and_one_more_is_too_long()
    {
        Assert.Null(FaqItem.Check(" " + new string('问', 100) + " ", "答"));
        Assert.Equal("TooLong(Faq.Question, 100)", FaqItem.Check(new string('问', 101), "答")?.ToString());
    }

    [Fact]
    public void An_answer_of_one_thousand_characters_is_accepted_and_one_more_is_too_long()
    {
        Assert.Null(FaqItem.Check("问", " " + new string('答', 1000) + " "));
        Assert.Equal("TooLong(Faq.Answer, 1000)", FaqItem.Check("问", new string('答', 1001))?.ToString());
    }

    [Fact]
    public void Changing_replaces_question_and_answer_trimmed()
    {
        var item = new FaqItem("多久发货？", "48 小时内。", 0);

        item.Change(" 包邮吗？ ", " 满 99 元包邮。 ");

        Assert.Equal(("包邮吗？", "满 99 元包邮。"), (item.Question, item.Answer));
    }

    [Fact]
    public void A_refused_change_keeps_the_old_question_and_answer()
    {
        var item = new FaqItem("多久发货？", "48 小时内。", 0);

        var refused = Assert.Throws<RuleViolationException>(() => item.Change("包邮吗？", ""));

        Assert.Equal("Required", refused.Violation.Code);
        Assert.Equal(("多久发货？", "48 小时内。"), (item.Question, item.Answer));
    }

    [Fact]
    public void An_item_without_a_question_cannot_be_created() =>
        Assert.Throws<RuleViolationException>(() => new FaqItem("", "答", 0));
}
