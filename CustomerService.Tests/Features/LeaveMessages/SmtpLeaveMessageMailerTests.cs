using System.Net;
using System.Net.Sockets;
using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Organisation;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Fakes;
using CustomerService.Web.Features.LeaveMessages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CustomerService.Tests.Features.LeaveMessages;

/// <summary>
/// The real MailKit mailer behind the inbox, against <see cref="TestSmtpServer"/>: what reaches the mail server, and
/// that an unconfigured, refusing or unreachable server leaves the message unhandled with a clear reason.
/// </summary>
public sealed class SmtpLeaveMessageMailerTests : IAsyncLifetime
{
    private TestSmtpServer _server = null!;

    public Task InitializeAsync()
    {
        _server = TestSmtpServer.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_reply_reaches_the_mail_server_from_the_configured_sender_to_the_visitor()
    {
        await using var inbox = await InboxAsync(smtp => (smtp.Host, smtp.Port, smtp.From) = ("127.0.0.1", _server.Port, "客服中心 <service@shop.example>"));

        var outcome = await inbox.ReplyAsync("您的留言已收到", "您好，已为您安排换货。");

        Assert.True(outcome.Succeeded, outcome.Violation?.ToString());
        var received = Assert.Single(_server.Received);
        Assert.Equal("service@shop.example", received.MailFrom);
        Assert.Equal(["zhang@example.com"], received.Recipients);
        var mail = received.Parse();
        Assert.Equal("您的留言已收到", mail.Subject);
        Assert.Equal("客服中心", ((MailboxAddress)mail.From.Single()).Name);
        Assert.Equal(("张先生", "zhang@example.com"), (((MailboxAddress)mail.To.Single()).Name, ((MailboxAddress)mail.To.Single()).Address));
        Assert.StartsWith("您好，已为您安排换货。", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal("您好，已为您安排换货。", (await inbox.StoredAsync()).Reply);
    }

    [Fact]
    public async Task Without_an_smtp_host_the_reply_is_refused_as_not_configured()
    {
        await using var inbox = await InboxAsync(_ => { });

        var outcome = await inbox.ReplyAsync("回复", "您好");

        Assert.False(inbox.Inbox.CanReplyByEmail);
        Assert.Equal("SmtpNotConfigured", outcome.Violation?.Code);
        Assert.Null((await inbox.StoredAsync()).HandledAt);
    }

    [Fact]
    public async Task A_recipient_the_server_refuses_leaves_the_message_unhandled()
    {
        _server.RejectRecipients = true;
        await using var inbox = await InboxAsync(smtp => (smtp.Host, smtp.Port, smtp.From) = ("127.0.0.1", _server.Port, "service@shop.example"));

        var outcome = await inbox.ReplyAsync("回复", "您好");

        Assert.Equal("MailSendFailed", outcome.Violation?.Code);
        Assert.Empty(_server.Received);
        Assert.Null((await inbox.StoredAsync()).HandledAt);
    }

    [Fact]
    public async Task An_unreachable_server_leaves_the_message_unhandled()
    {
        var closedPort = ClosedPort();
        await using var inbox = await InboxAsync(smtp => (smtp.Host, smtp.Port, smtp.From) = ("127.0.0.1", closedPort, "service@shop.example"));

        var outcome = await inbox.ReplyAsync("回复", "您好");

        Assert.Equal("MailSendFailed", outcome.Violation?.Code);
        Assert.Null((await inbox.StoredAsync()).Reply);
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task<InboxWithOneMessage> InboxAsync(Action<SmtpOptions> smtp)
    {
        var scenario = await EngineScenario.StartAsync(configure: services => services.Configure(smtp));
        var admin = await scenario.AddAgentAsync("admin", role: AccountRole.Admin);
        var entry = await scenario.AddGroupWithEntryAsync("presale");
        var id = await scenario.Engine.LeaveMessageAsync(null, entry, new LeaveMessageContentBuilder().Build());
        return new InboxWithOneMessage(scenario, admin, id);
    }

    private sealed class InboxWithOneMessage(EngineScenario scenario, int admin, long messageId) : IAsyncDisposable
    {
        public LeaveMessageInbox Inbox => scenario.Database.GetRequiredService<LeaveMessageInbox>();

        public Task<Outcome> ReplyAsync(string subject, string text) => Inbox.ReplyAsync(admin, messageId, subject, text);

        public async Task<LeaveMessage> StoredAsync()
        {
            await using var db = scenario.NewContext();
            return await db.LeaveMessages.SingleAsync(m => m.Id == messageId);
        }

        public ValueTask DisposeAsync() => scenario.DisposeAsync();
    }
}
