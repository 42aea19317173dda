using CustomerService.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CustomerService.Tests.Browser;

/// <summary>SPEC M: a rejected widget identity keeps the visitor chatting, and widget.js tells the merchant's developer why.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WidgetIdentityWarningTests(BrowserFixture browser, KestrelAppFactory app) : IClassFixture<KestrelAppFactory>
{
    [Fact]
    public Task A_forged_identify_call_prints_a_console_warning_with_the_reason() =>
        browser.RunAsync(app.BaseAddress, async page =>
        {
            await page.GotoAsync("/demo/shop");
            await page.GetByTestId("widget-button").WaitForAsync();

            var warning = await page.RunAndWaitForConsoleMessageAsync(
                () => page.EvaluateAsync(
                    "() => CustomerService.identify({ id: 'u-42', name: '张三', vip: true, ts: Math.floor(Date.now() / 1000), sig: '0'.repeat(64) })"),
                new PageRunAndWaitForConsoleMessageOptions { Predicate = message => message.Type == "warning" });

            Assert.Contains("signature-invalid", warning.Text);
            Assert.Contains("CustomerService.identify", warning.Text);
        });
}
