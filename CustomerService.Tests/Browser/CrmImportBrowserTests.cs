using ClosedXML.Excel;
using CustomerService.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerService.Tests.Browser;

/// <summary>
/// SPEC J4 end to end in Chromium: the admin uploads a file with planted bad rows, sees each in the preview with its row
/// number, confirms, and finds the good customers in the CRM list — and not the bad ones.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CrmImportBrowserTests(BrowserFixture browser, KestrelAppFactory app) : IClassFixture<KestrelAppFactory>
{
    [Fact]
    public Task The_admin_imports_a_file_sees_its_bad_rows_confirms_and_finds_the_customers() =>
        browser.RunAsync(app.BaseAddress, async page =>
        {
            var file = Path.Combine(Path.GetTempPath(), $"crm-import-{Guid.NewGuid():N}.xlsx");
            WriteFile(file);
            try
            {
                await page.SignInAsync("admin", AppFactory.DemoPassword);
                await page.GotoInteractiveAsync("/crm/import");
                await page.GetByTestId("crm-import-file").SetInputFilesAsync(file);

                var errors = page.GetByTestId("crm-import-preview-error");
                await Expect(errors.First).ToBeVisibleAsync();
                var rows = (await errors.EvaluateAllAsync<string[]>("rows => rows.map(r => r.getAttribute('data-row'))")).Distinct().Order().ToArray();
                Assert.Equal(["3", "5"], rows);

                await page.GetByTestId("crm-import-confirm").ClickAsync();
                await Expect(page.GetByTestId("crm-import-result")).ToBeVisibleAsync();

                await page.GotoInteractiveAsync("/crm");
                var name = page.GetByTestId("crm-search").Locator("input").First;
                await name.FillAsync("导入测试");
                await page.GetByTestId("crm-search-apply").ClickAsync();
                await Expect(page.GetByTestId("crm-row")).ToHaveCountAsync(2);
                await Expect(page.GetByTestId("crm-row").Filter(new() { HasText = "导入测试甲" })).ToHaveCountAsync(1);
                await Expect(page.GetByTestId("crm-row").Filter(new() { HasText = "导入测试丙" })).ToHaveCountAsync(1);
            }
            finally
            {
                File.Delete(file);
            }
        });

    /// <summary>Rows 2 and 4 are good; row 3 has no user id, phone or e-mail; row 5 has an e-mail that is not one.</summary>
    private static void WriteFile(string path)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("客户");
        string[][] rows =
        [
            ["姓名", "手机", "邮箱", "用户ID", "星级", "备注"],
            ["导入测试甲", "13800000101", "", "", "3", ""],
            ["导入测试乙", "", "", "", "", "没有联系方式"],
            ["导入测试丙", "", "bing@example.com", "u-import-3", "", ""],
            ["导入测试丁", "", "not-mail", "", "", ""],
        ];
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                if (rows[r][c].Length > 0)
                {
                    sheet.Cell(r + 1, c + 1).DataType = XLDataType.Text;
                    sheet.Cell(r + 1, c + 1).Value = rows[r][c];
                }
            }
        }

        workbook.SaveAs(path);
    }
}
