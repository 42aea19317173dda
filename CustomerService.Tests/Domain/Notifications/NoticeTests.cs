using CustomerService.Domain.Common;
using CustomerService.Domain.Notifications;

namespace CustomerService.Tests.Domain.Notifications;

/// <summary>SPEC F10 通知: a notice's text limits, its fixed recipients and their read state.</summary>
public sealed class NoticeTests
{
    private static readonly DateTime OpenedAt = new(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void A_notice_keeps_its_trimmed_text_scope_and_author()
    {
        var notice = new Notice(" 周末值班 ", " 周六 9 点到岗。 ", NoticeTarget.Group(10), 1, "管理员", [2, 3]);

        Assert.Equal(
            ("周末值班", "周六 9 点到岗。", NoticeScope.AccountGroup, (int?)10, 1, "管理员"),
            (notice.Title, notice.Body, notice.Scope, notice.TargetId, notice.AuthorAccountId, notice.AuthorName));
    }

    [Fact]
    public void Each_recipient_gets_one_unread_copy()
    {
        var notice = new Notice("周末值班", "周六 9 点到岗。", NoticeTarget.Everyone, 1, "管理员", [2, 3, 2]);

        Assert.Equal([2, 3], notice.Recipients.Select(r => r.AccountId));
        Assert.All(notice.Recipients, r => Assert.False(r.IsRead));
    }

    [Fact]
    public void A_notice_without_recipients_is_refused()
    {
        var refused = Assert.Throws<RuleViolationException>(() => new Notice("周末值班", "周六 9 点到岗。", NoticeTarget.Person(9), 1, "管理员", []));

        Assert.Equal("NoticeNoRecipients", refused.Violation.Code);
    }

    [Theory]
    [InlineData(null, "正文", "Required(Notice.Title)")]
    [InlineData(" ", "正文", "Required(Notice.Title)")]
    [InlineData("标题", null, "Required(Notice.Body)")]
    [InlineData("标题", " ", "Required(Notice.Body)")]
    public void Title_and_body_are_required(string? title, string? body, string expected) =>
        Assert.Equal(expected, Notice.Check(title, body)?.ToString());

    [Fact]
    public void A_title_of_one_hundred_characters_is_accepted_and_one_more_is_too_long()
    {
        Assert.Null(Notice.Check(" " + new string('通', 100) + " ", "正文"));
        Assert.Equal("TooLong(Notice.Title, 100)", Notice.Check(new string('通', 101), "正文")?.ToString());
    }

    [Fact]
    public void A_body_of_two_thousand_characters_is_accepted_and_one_more_is_too_long()
    {
        Assert.Null(Notice.Check("标题", " " + new string('知', 2000) + " "));
        Assert.Equal("TooLong(Notice.Body, 2000)", Notice.Check("标题", new string('知', 2001))?.ToString());
    }

    [Fact]
    public void An_invalid_notice_is_refused_at_creation()
    {
        var refused = Assert.Throws<RuleViolationException>(() => new Notice("", "正文", NoticeTarget.Everyone, 1, "管理员", [2]));

        Assert.Equal("Required", refused.Violation.Code);
    }

    [Fact]
    public void Opening_a_notice_again_keeps_the_first_read_time()
    {
        var recipient = new Notice("周末值班", "周六 9 点到岗。", NoticeTarget.Person(2), 1, "管理员", [2]).Recipients.Single();

        recipient.MarkRead(OpenedAt);
        recipient.MarkRead(OpenedAt.AddHours(1));

        Assert.True(recipient.IsRead);
        Assert.Equal(OpenedAt, recipient.ReadAt);
    }
}
