using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Organisation;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Fakes;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Features.LeaveMessages;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Features.LeaveMessages;

/// <summary>
/// 留言处理 (SPEC D12, B): every account sees exactly the leave-messages of its 留言处理范围, enforced in the query, and
/// a message outside it is “not found” for reading, handling and replying; replies are e-mailed, then recorded.
/// </summary>
/// <remarks>
/// The organisation: 售前 (presale) has sales1 and sales2 (scope Own) and lead (scope ReceptionGroups); 售后 (aftersale)
/// has sales3 (scope ReceptionGroups); admin has scope All; qc (scope Own) is in no reception group. Messages:
/// <c>ForSales1</c> — sales1's private contact at presale; <c>ForPresale</c> and <c>ForAftersale</c> — new visitors, so
/// the groups handle them; <c>ForSales3AtPresale</c> — sales3's private contact who asked at presale.
/// </remarks>
public sealed class LeaveMessageInboxTests : IAsyncLifetime
{
    private readonly TestLeaveMessageMailer _mailer = new();
    private readonly Dictionary<string, int> _accounts = [];
    private EngineScenario _scenario = null!;
    private long _forSales1;
    private long _forPresale;
    private long _forAftersale;
    private long _forSales3AtPresale;

    private LeaveMessageInbox Inbox => _scenario.Database.GetRequiredService<LeaveMessageInbox>();

    public static TheoryData<string, string[]> ScopeCases => new()
    {
        { "sales1", ["ForSales1"] },
        { "sales2", [] },
        { "lead", ["ForSales1", "ForPresale", "ForSales3AtPresale"] },
        { "sales3", ["ForAftersale", "ForSales3AtPresale"] },
        { "admin", ["ForSales1", "ForPresale", "ForAftersale", "ForSales3AtPresale"] },
        { "qc", [] },
    };

    public async Task InitializeAsync()
    {
        _scenario = await EngineScenario.StartAsync(configure: _mailer.Register);
        _accounts["admin"] = await _scenario.AddAgentAsync("admin", role: AccountRole.Admin);
        _accounts["lead"] = await _scenario.AddAgentAsync("lead", role: AccountRole.TeamLead, leaveMessageScope: LeaveMessageScope.ReceptionGroups);
        _accounts["sales1"] = await _scenario.AddAgentAsync("sales1");
        _accounts["sales2"] = await _scenario.AddAgentAsync("sales2");
        _accounts["sales3"] = await _scenario.AddAgentAsync("sales3", leaveMessageScope: LeaveMessageScope.ReceptionGroups);
        _accounts["qc"] = await _scenario.AddAgentAsync("qc", role: AccountRole.QC);
        var presale = await _scenario.AddGroupWithEntryAsync("presale",
            new MemberAssignment(_accounts["sales1"], 0), new MemberAssignment(_accounts["sales2"], 0), new MemberAssignment(_accounts["lead"], 1));
        var aftersale = await _scenario.AddGroupWithEntryAsync("aftersale", new MemberAssignment(_accounts["sales3"], 0));

        var contactOfSales1 = await _scenario.AddVisitorAsync("李四");
        await _scenario.Engine.BindPrivateContactAsync(_accounts["sales1"], contactOfSales1);
        var contactOfSales3 = await _scenario.AddVisitorAsync("赵六");
        await _scenario.Engine.BindPrivateContactAsync(_accounts["sales3"], contactOfSales3);

        _forSales1 = await LeaveAsync(contactOfSales1, presale, new LeaveMessageContentBuilder().WithName("李四").WithEmail("lisi@example.com").Build());
        _forPresale = await LeaveAsync(null, presale, new LeaveMessageContentBuilder().Build());
        _forAftersale = await LeaveAsync(null, aftersale, new LeaveMessageContentBuilder().WithoutEmail().Build());
        _forSales3AtPresale = await LeaveAsync(contactOfSales3, presale, new LeaveMessageContentBuilder().WithName("赵六").Build());
    }

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    [Theory]
    [MemberData(nameof(ScopeCases))]
    public async Task Each_account_lists_exactly_the_messages_of_its_scope(string login, string[] expected)
    {
        var page = await Inbox.ListAsync(_accounts[login], LeaveMessageFilter.All);

        Assert.Equal(expected.Select(Id).OrderDescending(), page.Rows.Select(r => r.Id));
        Assert.Equal(expected.Length, page.Total);
        Assert.Equal(expected.Length, await Inbox.CountUnhandledAsync(_accounts[login]));
    }

    [Theory]
    [MemberData(nameof(ScopeCases))]
    public async Task Each_account_opens_only_the_messages_of_its_scope(string login, string[] expected)
    {
        foreach (var name in new[] { "ForSales1", "ForPresale", "ForAftersale", "ForSales3AtPresale" })
        {
            var detail = await Inbox.GetAsync(_accounts[login], Id(name));
            Assert.Equal(expected.Contains(name), detail is not null);
        }
    }

    [Fact]
    public async Task The_scope_is_the_accounts_setting_not_its_role()
    {
        await SetScopeAsync("admin", LeaveMessageScope.Own);
        await SetScopeAsync("sales2", LeaveMessageScope.All);

        Assert.Empty((await Inbox.ListAsync(_accounts["admin"], LeaveMessageFilter.All)).Rows);
        Assert.Equal(4, (await Inbox.ListAsync(_accounts["sales2"], LeaveMessageFilter.All)).Total);
    }

    [Fact]
    public async Task A_disabled_account_sees_no_messages()
    {
        await using (var db = _scenario.NewContext())
        {
            (await db.Accounts.SingleAsync(a => a.Id == _accounts["admin"])).Disable();
            await db.SaveChangesAsync();
        }

        Assert.Equal(0, (await Inbox.ListAsync(_accounts["admin"], LeaveMessageFilter.All)).Total);
        Assert.Null(await Inbox.GetAsync(_accounts["admin"], _forPresale));
    }

    [Fact]
    public async Task The_list_shows_the_visitor_the_responsible_agent_and_the_group()
    {
        var rows = (await Inbox.ListAsync(_accounts["lead"], LeaveMessageFilter.All)).Rows;

        var personal = rows.Single(r => r.Id == _forSales1);
        Assert.Equal(("李四", "lisi@example.com", "sales1", "组-presale"), (personal.Name, personal.Email, personal.ResponsibleAgent, personal.ReceptionGroup));
        Assert.Null(rows.Single(r => r.Id == _forPresale).ResponsibleAgent);
    }

    [Fact]
    public async Task Filters_split_unhandled_and_handled_messages()
    {
        var admin = _accounts["admin"];
        await Inbox.MarkHandledAsync(admin, _forPresale);

        Assert.Equal(
            [_forSales3AtPresale, _forAftersale, _forSales1],
            (await Inbox.ListAsync(admin, LeaveMessageFilter.Unhandled)).Rows.Select(r => r.Id));
        var handled = Assert.Single((await Inbox.ListAsync(admin, LeaveMessageFilter.Handled)).Rows);
        Assert.Equal((_forPresale, "admin"), (handled.Id, handled.HandledBy));
        Assert.Equal(3, await Inbox.CountUnhandledAsync(admin));
    }

    [Fact]
    public async Task Pages_are_cut_newest_first_with_the_total()
    {
        var page = await Inbox.ListAsync(_accounts["admin"], LeaveMessageFilter.All, skip: 1, take: 2);

        Assert.Equal([_forAftersale, _forPresale], page.Rows.Select(r => r.Id));
        Assert.Equal(4, page.Total);
    }

    [Fact]
    public async Task Marking_handled_records_the_agent_and_the_time()
    {
        _scenario.Clock.Advance(TimeSpan.FromHours(3));

        var outcome = await Inbox.MarkHandledAsync(_accounts["sales1"], _forSales1);

        Assert.True(outcome.Succeeded);
        var stored = await StoredAsync(_forSales1);
        Assert.Equal((_accounts["sales1"], _scenario.Clock.GetUtcNow().UtcDateTime), (stored.HandledByAccountId!.Value, stored.HandledAt!.Value));
        Assert.Null(stored.Reply);
    }

    [Fact]
    public async Task Marking_a_handled_message_again_is_refused_and_the_first_handler_stays()
    {
        await Inbox.MarkHandledAsync(_accounts["lead"], _forPresale);

        var outcome = await Inbox.MarkHandledAsync(_accounts["admin"], _forPresale);

        Assert.Equal("LeaveMessageAlreadyHandled", outcome.Violation?.Code);
        Assert.Equal(_accounts["lead"], (await StoredAsync(_forPresale)).HandledByAccountId);
    }

    [Fact]
    public async Task Marking_a_message_outside_my_scope_is_not_found_and_changes_nothing()
    {
        var outcome = await Inbox.MarkHandledAsync(_accounts["sales2"], _forSales1);

        Assert.Equal("LeaveMessageNotFound", outcome.Violation?.Code);
        Assert.Null((await StoredAsync(_forSales1)).HandledAt);
    }

    [Fact]
    public async Task A_reply_is_mailed_to_the_visitor_and_handles_the_message_with_its_text()
    {
        _scenario.Clock.Advance(TimeSpan.FromMinutes(30));

        var outcome = await Inbox.ReplyAsync(_accounts["sales1"], _forSales1, " 演示企业回复了您的留言 ", " 可以换货，已为您登记。 ");

        Assert.True(outcome.Succeeded);
        var mail = Assert.Single(_mailer.Sent);
        Assert.Equal(("lisi@example.com", "李四", "演示企业回复了您的留言"), (mail.ToAddress, mail.ToName, mail.Subject));
        Assert.StartsWith("可以换货，已为您登记。", mail.Body, StringComparison.Ordinal);
        Assert.Contains("> 鞋子尺码偏小，能换大一码吗？", mail.Body, StringComparison.Ordinal);
        var stored = await StoredAsync(_forSales1);
        Assert.Equal("可以换货，已为您登记。", stored.Reply);
        Assert.Equal((_accounts["sales1"], _scenario.Clock.GetUtcNow().UtcDateTime), (stored.HandledByAccountId!.Value, stored.HandledAt!.Value));
        var detail = await Inbox.GetAsync(_accounts["sales1"], _forSales1);
        Assert.Equal("可以换货，已为您登记。", detail!.Reply);
        Assert.True(detail.Message.Replied);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n ")]
    public async Task An_empty_reply_is_refused_sends_nothing_and_leaves_the_message_unhandled(string? text)
    {
        var outcome = await Inbox.ReplyAsync(_accounts["admin"], _forPresale, "回复", text);

        Assert.Equal(("Required", "LeaveMessage.Reply"), (outcome.Violation?.Code, outcome.Violation?.Arguments[0]));
        await AssertUntouchedAsync(_forPresale);
    }

    [Fact]
    public async Task A_reply_without_a_subject_is_refused()
    {
        var outcome = await Inbox.ReplyAsync(_accounts["admin"], _forPresale, " ", "您好");

        Assert.Equal(("Required", "LeaveMessage.Subject"), (outcome.Violation?.Code, outcome.Violation?.Arguments[0]));
        await AssertUntouchedAsync(_forPresale);
    }

    [Fact]
    public async Task A_message_without_an_email_address_cannot_be_answered_by_mail()
    {
        var outcome = await Inbox.ReplyAsync(_accounts["admin"], _forAftersale, "回复", "您好");

        Assert.Equal("LeaveMessageNoEmail", outcome.Violation?.Code);
        await AssertUntouchedAsync(_forAftersale);
    }

    [Fact]
    public async Task Replying_to_another_agents_message_outside_my_scope_is_not_found_and_sends_nothing()
    {
        var outcome = await Inbox.ReplyAsync(_accounts["sales2"], _forSales1, "回复", "我来回复");

        Assert.Equal("LeaveMessageNotFound", outcome.Violation?.Code);
        await AssertUntouchedAsync(_forSales1);
    }

    [Fact]
    public async Task A_mail_the_server_refuses_leaves_the_message_unhandled()
    {
        _mailer.FailWith = new RuleViolation("MailSendFailed", "550 No such user");

        var outcome = await Inbox.ReplyAsync(_accounts["admin"], _forPresale, "回复", "您好");

        Assert.Equal("MailSendFailed", outcome.Violation?.Code);
        await AssertUntouchedAsync(_forPresale);
    }

    [Fact]
    public async Task A_message_is_answered_by_mail_only_once()
    {
        await Inbox.ReplyAsync(_accounts["admin"], _forPresale, "回复", "第一次");

        var outcome = await Inbox.ReplyAsync(_accounts["lead"], _forPresale, "回复", "第二次");

        Assert.Equal("LeaveMessageAlreadyReplied", outcome.Violation?.Code);
        Assert.Single(_mailer.Sent);
        Assert.Equal("第一次", (await StoredAsync(_forPresale)).Reply);
    }

    [Fact]
    public async Task A_new_message_for_my_group_is_announced_on_my_inbox_topics()
    {
        var announced = new List<long>();
        var subscriptions = (await Inbox.TopicsAsync(_accounts["lead"]))
            .Select(topic => _scenario.Events.Subscribe(topic, e =>
            {
                if (e is LeaveMessageCreated created)
                {
                    lock (announced)
                    {
                        announced.Add(created.LeaveMessageId);
                    }
                }
            }))
            .ToList();

        var id = await LeaveAsync(null, "presale", new LeaveMessageContentBuilder().Build());
        await LeaveAsync(null, "aftersale", new LeaveMessageContentBuilder().Build());

        subscriptions.ForEach(s => s.Dispose());
        Assert.Equal([id], announced);
    }

    private long Id(string name) => name switch
    {
        "ForSales1" => _forSales1,
        "ForPresale" => _forPresale,
        "ForAftersale" => _forAftersale,
        "ForSales3AtPresale" => _forSales3AtPresale,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    private async Task<long> LeaveAsync(long? visitor, string entry, LeaveMessageContent content)
    {
        // A second apart, so “newest first” is the order of creation.
        _scenario.Clock.Advance(TimeSpan.FromSeconds(1));
        return await _scenario.Engine.LeaveMessageAsync(visitor, entry, content);
    }

    private async Task SetScopeAsync(string login, LeaveMessageScope scope)
    {
        await using var db = _scenario.NewContext();
        (await db.Accounts.SingleAsync(a => a.Id == _accounts[login])).ConfigureLeaveMessages(scope, null, null);
        await db.SaveChangesAsync();
    }

    private async Task<LeaveMessage> StoredAsync(long id)
    {
        await using var db = _scenario.NewContext();
        return await db.LeaveMessages.SingleAsync(m => m.Id == id);
    }

    private async Task AssertUntouchedAsync(long id)
    {
        Assert.Empty(_mailer.Sent);
        var stored = await StoredAsync(id);
        Assert.Equal((null, null, null), (stored.HandledAt, stored.HandledByAccountId, stored.Reply));
    }
}
