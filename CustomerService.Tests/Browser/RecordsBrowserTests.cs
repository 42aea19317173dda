using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerService.Tests.Browser;

/// <summary>
/// SPEC G1–G3 end to end: an admin searches today's records for a word said in a conversation, finds it in the list,
/// opens its transcript and sees the word highlighted.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RecordsBrowserTests(BrowserFixture browser, KestrelAppFactory app) : IClassFixture<KestrelAppFactory>
{
    [Fact]
    public Task A_keyword_search_finds_the_conversation_and_its_transcript_highlights_the_word() =>
        browser.RunAsync(app.BaseAddress, async page =>
        {
            var sales1 = await app.AccountIdAsync("sales1");
            var stored = await new PastConversationBuilder().RequestedAt(EarlierToday.Utc(TimeSpan.FromMinutes(5))).ServedBy(sales1).Answered().SaveAsync(app.Services);

            await page.SignInAsync("admin", AppFactory.DemoPassword);
            await page.GotoInteractiveAsync("/records");
            var row = page.Locator($"[data-testid='records-row'][data-conversation-id='{stored.Id}']");
            await Expect(row).ToHaveCountAsync(1);

            // A refused search (one character) is said and leaves the list as it was.
            await page.GetByTestId("records-search").Locator("input").FillAsync("请");
            await page.GetByTestId("records-search").Locator("input").PressAsync("Enter");
            await Expect(page.GetByTestId("records-error")).ToBeVisibleAsync();
            await Expect(row).ToHaveCountAsync(1);

            await page.GetByTestId("records-search").Locator("input").FillAsync("请问");
            await page.GetByTestId("records-search").Locator("input").PressAsync("Enter");

            await Expect(row).ToHaveCountAsync(1);
            // Today's list shows the conversation before the search too: wait for the searched list's link.
            await Expect(row.GetByTestId("records-open")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("q=%E8%AF%B7%E9%97%AE"));
            await Expect(page.GetByTestId("records-count")).Not.ToHaveTextAsync("0");
            await row.GetByTestId("records-open").ClickAsync();

            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/records/{stored.Id}\\?"));
            await Expect(page.GetByTestId("records-hit").First).ToHaveTextAsync("请问");
            await Expect(page.GetByTestId("records-message")).ToHaveCountAsync(2);
        });
}
