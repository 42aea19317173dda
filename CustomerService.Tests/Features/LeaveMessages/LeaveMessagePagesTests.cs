using System.Net;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Conversations.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.LeaveMessages;

/// <summary>
/// The leave-message inbox over HTTP (SPEC B, D12): every role has one; a message outside the account's scope answers
/// 404 on its page, exactly like a message that does not exist.
/// </summary>
public sealed class LeaveMessagePagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    public static TheoryData<string> AllDemoRoles => new("admin", "lead", "sales1", "qc");

    [Theory]
    [MemberData(nameof(AllDemoRoles))]
    public async Task Every_role_opens_its_leave_message_inbox_from_the_navigation(string login)
    {
        using var client = await app.SignInAsync(login);

        using var response = await client.GetAsync("/leave-messages");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.ReadHtmlAsync();
        Assert.Contains("data-testid=\"leave-messages-table\"", html);
        Assert.Contains("href=\"/leave-messages\"", html);
    }

    [Fact]
    public async Task The_admin_opens_a_group_message_that_a_sales_agent_with_own_scope_gets_404_for()
    {
        var id = await LeaveMessageAsync("售前的访客留言：请尽快联系我");
        using var admin = await app.SignInAsync("admin");
        using var sales = await app.SignInAsync("sales1");

        using var allowed = await admin.GetAsync($"/leave-messages/{id}");
        using var refused = await sales.GetAsync($"/leave-messages/{id}");

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Contains("售前的访客留言：请尽快联系我", await allowed.ReadHtmlAsync());
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain("售前的访客留言", await refused.ReadHtmlAsync());
    }

    [Fact]
    public async Task A_message_that_does_not_exist_answers_404()
    {
        using var admin = await app.SignInAsync("admin");

        using var response = await admin.GetAsync("/leave-messages/987654321");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Without_a_mail_server_the_message_page_says_replies_cannot_be_sent()
    {
        var id = await LeaveMessageAsync("请发邮件给我");
        using var admin = await app.SignInAsync("admin");

        var html = await (await admin.GetAsync($"/leave-messages/{id}")).ReadHtmlAsync();

        Assert.Contains("data-testid=\"leave-message-smtp-missing\"", html);
        Assert.Contains(UiTexts.Chinese("Error.SmtpNotConfigured"), html);
        // Issue 15: and 发送回复 cannot be pressed, saying why.
        var send = System.Text.RegularExpressions.Regex.Match(html, "<button[^>]*data-testid=\"leave-message-send\"[^>]*>").Value;
        Assert.Contains(" disabled", send);
        Assert.Contains($"title=\"{UiTexts.Chinese("Error.SmtpNotConfigured")}\"", send);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page()
    {
        using var client = app.CreateCookieClient();

        using var response = await client.GetAsync("/leave-messages");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login", new Uri(app.BaseAddress, response.Headers.Location!).AbsolutePath);
    }

    /// <summary>A message left by a new visitor at the demo entry 售前: the group's, not any one agent's.</summary>
    private async Task<long> LeaveMessageAsync(string content)
    {
        var engine = app.Services.GetRequiredService<ConversationEngine>();
        return await engine.LeaveMessageAsync(null, "presale", new LeaveMessageContentBuilder().WithContent(content).Build());
    }
}
