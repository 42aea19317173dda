using ClosedXML.Excel;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerService.Tests.Browser;

/// <summary>
/// SPEC G5 end to end: an admin searches the records, exports the list under a name, watches 导出管理 until the task
/// is done and downloads a file holding the searched conversation.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ExportsBrowserTests(BrowserFixture browser, KestrelAppFactory app) : IClassFixture<KestrelAppFactory>
{
    [Fact]
    public Task A_searched_list_is_exported_in_the_background_and_downloaded() =>
        browser.RunAsync(app.BaseAddress, async page =>
        {
            var sales1 = await app.AccountIdAsync("sales1");
            await new PastConversationBuilder().RequestedAt(EarlierToday.Utc(TimeSpan.FromMinutes(5))).ServedBy(sales1).Answered().SaveAsync(app.Services);

            await page.SignInAsync("admin", AppFactory.DemoPassword);
            await page.GotoInteractiveAsync("/records");
            await page.GetByTestId("records-search").Locator("input").FillAsync("请问");
            await page.GetByTestId("records-search").Locator("input").PressAsync("Enter");
            await Expect(page.GetByTestId("records-count")).ToHaveTextAsync("1");

            await page.GetByTestId("export-all").ClickAsync();
            await page.GetByTestId("export-name").FillAsync("请问的会话");
            await page.GetByTestId("export-confirm").ClickAsync();
            await Expect(page.GetByTestId("export-dialog")).ToHaveCountAsync(0);

            await page.GotoInteractiveAsync("/records/exports");
            var task = page.GetByTestId("export-task").Filter(new() { HasText = "请问的会话" });
            await Expect(task).ToHaveAttributeAsync("data-state", "done");
            var download = await page.RunAndWaitForDownloadAsync(() => task.GetByTestId("export-download").ClickAsync());

            Assert.Equal("请问的会话.xlsx", download.SuggestedFilename);
            await using var file = File.OpenRead(await download.PathAsync());
            using var workbook = new XLWorkbook(file);
            Assert.Equal(2, workbook.Worksheets.First().RowsUsed().Count());
        });
}
