using CustomerService.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerService.Tests.Browser;

/// <summary>SPEC F8 and F10 end to end in Chromium: publishing canned phrases, and a notice reaching a live badge.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsoleSettingsTests(BrowserFixture browser, KestrelAppFactory app) : IClassFixture<KestrelAppFactory>
{
    [Fact]
    public Task Admin_publishes_an_enterprise_phrase_whose_hint_is_shown_but_not_inserted() =>
        browser.RunAsync(app.BaseAddress, async page =>
        {
            await page.SignInAsync("admin", AppFactory.DemoPassword);
            await page.GotoInteractiveAsync("/settings/phrases");

            // The demo has phrase groups of its own (接待用语, 售后处理): this test works in a group it creates.
            await page.GetByTestId("phrase-group-create").ClickAsync();
            await page.GetByTestId("phrase-group-name").FillAndCommitAsync("换货专区");
            await page.GetByTestId("phrase-group-save").ClickAsync();
            var group = page.GetByTestId("phrase-group").Filter(new() { HasText = "换货专区" });
            await Expect(group).ToHaveCountAsync(1);
            await group.ClickAsync();

            await page.GetByTestId("phrase-create").ClickAsync();
            await page.GetByTestId("phrase-title").FillAndCommitAsync("换码流程");
            await page.GetByTestId("phrase-content").FillAndCommitAsync("【换码】您好，请在订单页申请换码。");
            await page.GetByTestId("phrase-save").ClickAsync();
            await Expect(page.GetByTestId("phrase-dialog")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("phrase-row-state")).ToHaveTextAsync(UiTexts.Chinese("Phrases.StateDraft"));

            // A draft is not offered yet: the try-it box uses the published phrases, as the console does.
            await page.GetByTestId("phrase-try-input").FillAsync("/换");
            await Expect(page.GetByTestId("phrase-suggestion")).ToHaveCountAsync(0);

            await page.GetByTestId("phrase-publish").ClickAsync();
            await Expect(page.GetByTestId("phrase-row-state")).ToHaveTextAsync(UiTexts.Chinese("Phrases.StatePublished"));

            await page.GetByTestId("phrase-try-input").FillAsync("/换码");
            await Expect(page.GetByTestId("phrase-suggestion-hint")).ToHaveTextAsync("【换码】");
            await page.GetByTestId("phrase-suggestion").ClickAsync();
            await Expect(page.GetByTestId("phrase-try-picked")).ToHaveTextAsync(UiTexts.Chinese("Phrases.TryPicked", "您好，请在订单页申请换码。"));
        });

    [Fact]
    public Task A_posted_notice_lights_the_recipients_badge_live_and_opening_it_clears_the_badge() =>
        browser.RunAsync(app.BaseAddress, async admin =>
        {
            await using var agentContext = await browser.Browser.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString(), Locale = "zh-CN" });
            var agent = await agentContext.NewPageAsync();
            await agent.SignInAsync("sales3", AppFactory.DemoPassword);
            await agent.GotoInteractiveAsync("/");
            await Expect(agent.GetByTestId("notification-badge")).ToHaveAttributeAsync("data-count", "0");

            await admin.SignInAsync("admin", AppFactory.DemoPassword);
            await admin.GotoInteractiveAsync("/settings/notifications");
            await admin.GetByTestId("notice-create").ClickAsync();
            await admin.GetByTestId("notice-title-input").FillAndCommitAsync("系统升级通知");
            await admin.GetByTestId("notice-body-input").FillAndCommitAsync("今晚十点系统升级，请提前保存工作。");
            await admin.GetByTestId("notice-post").ClickAsync();
            await Expect(admin.GetByTestId("notice-dialog")).ToHaveCountAsync(0);
            await Expect(admin.GetByTestId("notice-row-title")).ToHaveTextAsync("系统升级通知");

            // No reload: the agent's circuit hears about the notice.
            await Expect(agent.GetByTestId("notification-badge")).ToHaveAttributeAsync("data-count", "1");

            await agent.GetByTestId("notification-link").ClickAsync();
            await agent.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/notifications");
            await agent.Locator("[data-testid=app-shell][data-interactive=true]").WaitForAsync();
            var notice = agent.GetByTestId("notice-item").Filter(new() { HasText = "系统升级通知" });
            await Expect(notice).ToHaveAttributeAsync("data-read", "false");
            await notice.GetByTestId("notice-title").ClickAsync();

            await Expect(notice.GetByTestId("notice-body")).ToHaveTextAsync("今晚十点系统升级，请提前保存工作。");
            await Expect(notice).ToHaveAttributeAsync("data-read", "true");
            await Expect(agent.GetByTestId("notification-badge")).ToHaveAttributeAsync("data-count", "0");
        });
}
