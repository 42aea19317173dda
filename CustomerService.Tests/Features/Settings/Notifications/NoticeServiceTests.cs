using CustomerService.Domain.Notifications;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Notifications;
using CustomerService.Web.Features.Settings.AccountGroups;
using CustomerService.Web.Features.Settings.Notifications;
using CustomerService.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Features.Settings.Notifications;

/// <summary>SPEC F10: admins post notices to a scope; a scope reaching nobody is a clear refusal that stores nothing.</summary>
public sealed class NoticeServiceTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private int _admin;

    private NoticeService Service => _database.GetRequiredService<NoticeService>();

    private NoticeInbox Inbox => _database.GetRequiredService<NoticeInbox>();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _admin = await _database.AddAccountAsync("admin", groupName: "管理部");
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_notice_to_a_group_without_accounts_is_refused_and_nothing_is_stored()
    {
        var empty = await _database.GetRequiredService<AccountGroupService>().CreateAsync("空分组");

        var posted = await Service.PostAsync(_admin, "排班通知", "明天九点到岗。", NoticeTarget.Group(empty.Value));

        Assert.Equal("NoticeNoRecipients", posted.Violation?.Code);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task A_notice_to_a_disabled_person_is_refused_and_nothing_is_stored()
    {
        var sales1 = await _database.AddAccountAsync("sales1");
        await _database.DisableAccountAsync(sales1);

        var posted = await Service.PostAsync(_admin, "排班通知", "明天九点到岗。", NoticeTarget.Person(sales1));

        Assert.Equal("NoticeNoRecipients", posted.Violation?.Code);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task A_title_over_a_hundred_characters_is_refused_and_nothing_is_stored()
    {
        var posted = await Service.PostAsync(_admin, new string('题', 101), "内容", NoticeTarget.Everyone);

        Assert.Equal("TooLong", posted.Violation?.Code);
        Assert.Equal(["Notice.Title", 100], posted.Violation!.Arguments);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task A_body_over_two_thousand_characters_is_refused_and_nothing_is_stored()
    {
        var posted = await Service.PostAsync(_admin, "标题", new string('文', 2001), NoticeTarget.Everyone);

        Assert.Equal("TooLong", posted.Violation?.Code);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task A_notice_to_a_group_reaches_its_enabled_members_only()
    {
        var sales1 = await _database.AddAccountAsync("sales1", groupName: "售前组");
        var sales2 = await _database.AddAccountAsync("sales2", groupName: "售前组");
        var sales3 = await _database.AddAccountAsync("sales3", groupName: "售后组");
        await _database.DisableAccountAsync(sales2);
        var group = await _database.AccountGroupIdOfAsync(sales1);
        var announced = new List<NoticesChanged>();
        using var subscription = _database.GetRequiredService<ChangeFeed<NoticesChanged>>().Subscribe(announced.Add);

        var posted = await Service.PostAsync(_admin, " 售前例会 ", "下午三点开会。", NoticeTarget.Group(group));

        Assert.True(posted.Succeeded, posted.Violation?.ToString());
        Assert.Equal((1, 0, 0), (await Inbox.CountUnreadAsync(sales1), await Inbox.CountUnreadAsync(sales2), await Inbox.CountUnreadAsync(sales3)));
        Assert.Equal([sales1], Assert.Single(announced).AccountIds);
        var row = Assert.Single(await Service.ListSentAsync());
        Assert.Equal(("售前例会", NoticeScope.AccountGroup, "售前组", "admin", 1, 0),
            (row.Title, row.Scope, row.TargetName, row.AuthorName, row.RecipientCount, row.ReadCount));
    }

    [Fact]
    public async Task Everyone_includes_every_enabled_account()
    {
        var sales1 = await _database.AddAccountAsync("sales1");
        var sales3 = await _database.AddAccountAsync("sales3", groupName: "售后组");

        await Service.PostAsync(_admin, "放假通知", "国庆放假七天。", NoticeTarget.Everyone);

        var unread = (await Inbox.CountUnreadAsync(_admin), await Inbox.CountUnreadAsync(sales1), await Inbox.CountUnreadAsync(sales3));
        Assert.Equal((1, 1, 1), unread);
    }

    [Fact]
    public async Task A_withdrawn_notice_leaves_the_recipients_list()
    {
        var sales1 = await _database.AddAccountAsync("sales1");
        var posted = await Service.PostAsync(_admin, "通知", "内容", NoticeTarget.Person(sales1));

        Assert.True((await Service.DeleteAsync(posted.Value)).Succeeded);

        Assert.Empty(await Inbox.ListAsync(sales1));
        Assert.Equal("NoticeMissing", (await Service.DeleteAsync(posted.Value)).Violation?.Code);
    }

    private async Task AssertNothingStoredAsync()
    {
        await using var db = _database.NewContext();
        Assert.False(await db.Notices.AnyAsync());
        Assert.False(await db.NoticeRecipients.AnyAsync());
    }
}
