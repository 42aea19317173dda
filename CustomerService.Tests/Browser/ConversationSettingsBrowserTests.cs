using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Conversations.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerService.Tests.Browser;

/// <summary>SPEC D11 and D12 end to end in Chromium: the blacklist dialog, and answering a leave-message by e-mail.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConversationSettingsBrowserTests(BrowserFixture browser, MailingKestrelAppFactory app) : IClassFixture<MailingKestrelAppFactory>
{
    [Fact]
    public Task Admin_blocks_an_ip_with_a_reason_and_lifts_it_again() =>
        browser.RunAsync(app.BaseAddress, async page =>
        {
            await page.SignInAsync("admin", AppFactory.DemoPassword);
            await page.GotoInteractiveAsync("/settings/blacklist");

            await page.GetByTestId("blacklist-create").ClickAsync();
            await page.GetByTestId("blacklist-ip").FillAndCommitAsync("198.51.100.23");
            await page.GetByTestId("blacklist-save").ClickAsync();
            await Expect(page.GetByTestId("blacklist-error")).ToHaveTextAsync(UiTexts.Chinese("Error.Required", UiTexts.Chinese("Field.Blacklist.Reason")));

            await page.GetByTestId("blacklist-reason").FillAndCommitAsync("恶意刷屏");
            await page.GetByTestId("blacklist-save").ClickAsync();
            await Expect(page.GetByTestId("blacklist-dialog")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("blacklist-row-ip")).ToHaveTextAsync("198.51.100.23");
            await Expect(page.GetByTestId("blacklist-row-reason")).ToHaveTextAsync("恶意刷屏");

            await page.GetByTestId("blacklist-lift").ClickAsync();
            await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = UiTexts.Chinese("Blacklist.Lift") }).ClickAsync();
            await Expect(page.GetByTestId("blacklist-row-ip")).ToHaveCountAsync(0);
        });

    [Fact]
    public Task Agent_answers_a_leave_message_by_mail_and_it_moves_to_the_handled_list() =>
        browser.RunAsync(app.BaseAddress, async page =>
        {
            var engine = app.Services.GetRequiredService<ConversationEngine>();
            await engine.LeaveMessageAsync(null, "presale",
                new LeaveMessageContentBuilder().WithEmail("buyer@example.com").WithContent("请问周末发货吗？").Build());

            await page.SignInAsync("admin", AppFactory.DemoPassword);
            await page.GotoInteractiveAsync("/leave-messages");
            var row = page.GetByTestId("leave-message-row").Filter(new() { HasText = "请问周末发货吗？" });
            await row.GetByRole(AriaRole.Link).ClickAsync();

            await Expect(page.GetByTestId("leave-message-content")).ToHaveTextAsync("请问周末发货吗？");
            await page.GetByTestId("leave-message-reply-text").FillAndCommitAsync("周末正常发货，请放心。");
            await page.GetByTestId("leave-message-send").ClickAsync();
            await Expect(page.GetByTestId("leave-message-reply")).ToHaveTextAsync("周末正常发货，请放心。");

            var mail = Assert.Single(app.Smtp.Received, m => m.Recipients.Contains("buyer@example.com")).Parse();
            Assert.StartsWith("周末正常发货，请放心。", mail.TextBody, StringComparison.Ordinal);

            await page.GotoInteractiveAsync("/leave-messages");
            await Expect(page.GetByTestId("leave-messages-table")).ToBeVisibleAsync();
            await Expect(row).ToHaveCountAsync(0);
            await page.GetByText(UiTexts.Chinese("LeaveMessageFilter.Handled")).ClickAsync();
            await Expect(row).ToHaveCountAsync(1);
            await Expect(page.GetByTestId("leave-messages-table")).ToContainTextAsync(UiTexts.Chinese("LeaveMessages.Replied"));
        });
}
