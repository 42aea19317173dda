using CustomerService.Domain.Notifications;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Notifications;
using CustomerService.Web.Features.Settings.Notifications;
using CustomerService.Web.Infrastructure;

namespace CustomerService.Tests.Features.Notifications;

/// <summary>SPEC F10, the recipient's side: unread count, the list, and opening marks read for him only.</summary>
public sealed class NoticeInboxTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private int _admin;
    private int _sales1;
    private int _sales2;

    private NoticeInbox Inbox => _database.GetRequiredService<NoticeInbox>();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await _database.AddEnterpriseAsync("Asia/Shanghai");
        _admin = await _database.AddAccountAsync("admin", groupName: "管理部");
        _sales1 = await _database.AddAccountAsync("sales1");
        _sales2 = await _database.AddAccountAsync("sales2");
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_list_is_newest_first_with_times_on_the_enterprise_clock()
    {
        _database.Clock.Set(new DateTimeOffset(2025, 3, 1, 1, 0, 0, TimeSpan.Zero));
        await PostAsync("第一条", NoticeTarget.Person(_sales1));
        _database.Clock.Set(new DateTimeOffset(2025, 3, 1, 2, 30, 0, TimeSpan.Zero));
        await PostAsync("第二条", NoticeTarget.Person(_sales1));

        var notices = await Inbox.ListAsync(_sales1);

        Assert.Equal(["第二条", "第一条"], notices.Select(n => n.Title));
        Assert.Equal(new DateTime(2025, 3, 1, 10, 30, 0), notices[0].PostedAt);
        Assert.All(notices, n => Assert.False(n.IsRead));
    }

    [Fact]
    public async Task Opening_a_notice_marks_it_read_for_that_recipient_only()
    {
        var id = await PostAsync("例会", NoticeTarget.Group(await _database.AccountGroupIdOfAsync(_sales1)));
        var announced = new List<NoticesChanged>();
        using var subscription = _database.GetRequiredService<ChangeFeed<NoticesChanged>>().Subscribe(announced.Add);

        Assert.True((await Inbox.MarkReadAsync(_sales1, id)).Succeeded);
        Assert.True((await Inbox.MarkReadAsync(_sales1, id)).Succeeded);

        Assert.Equal(0, await Inbox.CountUnreadAsync(_sales1));
        Assert.Equal(1, await Inbox.CountUnreadAsync(_sales2));
        Assert.True(Assert.Single(await Inbox.ListAsync(_sales1)).IsRead);
        Assert.Equal([_sales1], Assert.Single(announced).AccountIds);
        var row = Assert.Single(await _database.GetRequiredService<NoticeService>().ListSentAsync());
        Assert.Equal((2, 1), (row.RecipientCount, row.ReadCount));
    }

    [Fact]
    public async Task A_notice_someone_was_not_sent_is_missing_for_him()
    {
        var id = await PostAsync("私信", NoticeTarget.Person(_sales1));

        Assert.Empty(await Inbox.ListAsync(_sales2));
        Assert.Equal("NoticeMissing", (await Inbox.MarkReadAsync(_sales2, id)).Violation?.Code);
        Assert.Equal(1, await Inbox.CountUnreadAsync(_sales1));
    }

    private async Task<int> PostAsync(string title, NoticeTarget target)
    {
        var posted = await _database.GetRequiredService<NoticeService>().PostAsync(_admin, title, "内容", target);
        return posted.Succeeded ? posted.Value : throw new InvalidOperationException(posted.Violation!.ToString());
    }
}
