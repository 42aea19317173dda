using CustomerService.Domain.Common;
using CustomerService.Domain.Phrases;

namespace CustomerService.Tests.Domain.Phrases;

/// <summary>SPEC F8: title and content limits, the 【hint】 that is shown but not inserted, drafts and publishing.</summary>
public sealed class CannedPhraseTests
{
    private static readonly DateTime Now = new(2025, 3, 1, 1, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("【退货】您好，退货请在订单页申请。", "您好，退货请在订单页申请。")]
    [InlineData("  【退货】  您好", "您好")]
    [InlineData("【】您好", "您好")]
    [InlineData("【一】【二】您好", "【二】您好")]
    public void Insertion_text_strips_a_leading_hint(string content, string inserted) =>
        Assert.Equal(inserted, CannedPhrase.InsertionText(content));

    [Theory]
    [InlineData("您好，欢迎光临。")]
    [InlineData("您好【稍等】我查一下")]
    [InlineData("【没有闭合的提示 您好")]
    [InlineData("  【没有闭合的提示 您好")]
    [InlineData("")]
    public void Insertion_text_keeps_content_without_a_leading_closed_hint(string content) =>
        Assert.Equal(content, CannedPhrase.InsertionText(content));

    [Fact]
    public void Hint_is_the_text_inside_the_leading_brackets()
    {
        Assert.Equal("退货", CannedPhrase.Hint("【 退货 】您好"));
        Assert.Null(CannedPhrase.Hint("您好【退货】"));
        Assert.Null(CannedPhrase.Hint("【没有闭合"));
    }

    [Fact]
    public void Title_of_fifty_characters_is_accepted_and_fifty_one_is_too_long()
    {
        Assert.Null(CannedPhrase.Check(new string('标', 50), "内容"));
        Assert.Equal(new RuleViolation("TooLong", "CannedPhrase.Title", 50).ToString(), CannedPhrase.Check(new string('标', 51), "内容")?.ToString());
    }

    [Fact]
    public void Content_of_a_thousand_characters_is_accepted_and_one_more_is_too_long()
    {
        Assert.Null(CannedPhrase.Check("标题", new string('字', 1000)));
        Assert.Equal("TooLong", CannedPhrase.Check("标题", new string('字', 1001))?.Code);
    }

    [Theory]
    [InlineData("", "内容", "CannedPhrase.Title")]
    [InlineData("   ", "内容", "CannedPhrase.Title")]
    [InlineData("标题", " ", "CannedPhrase.Content")]
    public void Blank_title_or_content_is_required(string title, string content, string field)
    {
        var violation = CannedPhrase.Check(title, content);

        Assert.Equal("Required", violation?.Code);
        Assert.Equal(field, violation!.Arguments.Single());
    }

    [Fact]
    public void A_new_phrase_is_an_unpublished_draft_until_published()
    {
        var phrase = new CannedPhrase(groupId: 1, " 问候 ", " 您好 ");

        Assert.False(phrase.IsPublished);
        Assert.True(phrase.HasUnpublishedChanges);
        Assert.Equal(("问候", "您好"), (phrase.Title, phrase.Content));

        phrase.Publish(Now);

        Assert.Equal(("问候", "您好", Now), (phrase.PublishedTitle, phrase.PublishedContent, phrase.PublishedAt));
        Assert.False(phrase.HasUnpublishedChanges);
    }

    [Fact]
    public void Editing_a_published_phrase_keeps_the_published_copy_until_the_next_publish()
    {
        var phrase = new CannedPhrase(groupId: 1, "问候", "您好");
        phrase.Publish(Now);

        phrase.Edit("问候语", "您好，请问有什么可以帮您？");

        Assert.True(phrase.HasUnpublishedChanges);
        Assert.Equal(("问候", "您好"), (phrase.PublishedTitle, phrase.PublishedContent));
        phrase.Publish(Now.AddMinutes(1));
        Assert.Equal("您好，请问有什么可以帮您？", phrase.PublishedContent);
    }

    [Fact]
    public void Editing_to_an_invalid_title_throws_and_keeps_the_draft()
    {
        var phrase = new CannedPhrase(groupId: 1, "问候", "您好");

        var thrown = Assert.Throws<RuleViolationException>(() => phrase.Edit("", "您好"));

        Assert.Equal("Required", thrown.Violation.Code);
        Assert.Equal("问候", phrase.Title);
    }

    [Fact]
    public void Editing_only_the_title_of_a_published_phrase_is_an_unpublished_change()
    {
        var phrase = new CannedPhrase(groupId: 1, "问候", "您好");
        phrase.Publish(Now);

        phrase.Edit("问候语", "您好");

        Assert.True(phrase.HasUnpublishedChanges);
    }

    [Fact]
    public void Editing_only_the_content_of_a_published_phrase_is_an_unpublished_change()
    {
        var phrase = new CannedPhrase(groupId: 1, "问候", "您好");
        phrase.Publish(Now);

        phrase.Edit("问候", "您好！");

        Assert.True(phrase.HasUnpublishedChanges);
    }

    [Fact]
    public void Saving_the_published_text_again_is_no_change()
    {
        var phrase = new CannedPhrase(groupId: 1, "问候", "您好");
        phrase.Publish(Now);

        phrase.Edit(" 问候 ", "您好 ");

        Assert.False(phrase.HasUnpublishedChanges);
    }

    [Fact]
    public void Moving_a_phrase_changes_its_group()
    {
        var phrase = new CannedPhrase(groupId: 1, "问候", "您好");

        phrase.MoveTo(2);

        Assert.Equal(2, phrase.GroupId);
    }

    [Fact]
    public void Over_long_content_is_reported_with_its_field_and_limit() =>
        Assert.Equal("TooLong(CannedPhrase.Content, 1000)", CannedPhrase.Check("退货", new string('退', 1001))?.ToString());

    [Fact]
    public void Reading_the_hint_or_insertion_text_of_no_content_is_a_programming_error()
    {
        Assert.Throws<ArgumentNullException>(() => CannedPhrase.InsertionText(null!));
        Assert.Throws<ArgumentNullException>(() => CannedPhrase.Hint(null!));
    }
}
