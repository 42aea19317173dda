using System.Globalization;
using System.Net;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;

namespace CustomerService.Tests.Features.Kpi;

/// <summary>
/// SPEC I2 drill-down: a count figure links to the records list with the same period, the matching list and the row's
/// agent, and the records page opens on exactly that list.
/// </summary>
public sealed class KpiDrillDownTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly DateTime Morning = new(2026, 3, 10, 2, 0, 0, DateTimeKind.Utc);
    private const string March = "from=2026-03-01&to=2026-03-31";

    [Fact]
    public async Task A_count_figure_links_to_its_records_list_which_shows_exactly_those_conversations()
    {
        var (sales1, sales2) = (await app.AccountIdAsync("sales1"), await app.AccountIdAsync("sales2"));
        var valid = (await new PastConversationBuilder().RequestedAt(Morning).ServedBy(sales1).Answered().SaveAsync(app.Services)).Id;
        var invalid = (await new PastConversationBuilder().RequestedAt(Morning.AddMinutes(1)).ServedBy(sales1).SaveAsync(app.Services)).Id;
        var colleagues = (await new PastConversationBuilder().RequestedAt(Morning.AddMinutes(2)).ServedBy(sales2).Answered().SaveAsync(app.Services)).Id;
        using var admin = await app.SignInAsync("admin");

        var kpi = await (await admin.GetAsync($"/kpi?{March}")).ReadHtmlAsync();
        var link = string.Create(CultureInfo.InvariantCulture, $"/records?{March}&list=Valid&agent={sales1}");
        using var records = await admin.GetAsync(string.Create(CultureInfo.InvariantCulture, $"/records?{March}&list=Valid&agent={sales1}"));
        var html = await records.ReadHtmlAsync();

        Assert.Contains($"href=\"{link}\"", kpi);
        Assert.Contains($"href=\"/records?{March}&list=Invalid&agent={sales1}\"", kpi);
        Assert.Equal(HttpStatusCode.OK, records.StatusCode);
        Assert.Contains($"data-conversation-id=\"{valid}\"", html);
        Assert.DoesNotContain($"data-conversation-id=\"{invalid}\"", html);
        Assert.DoesNotContain($"data-conversation-id=\"{colleagues}\"", html);
    }

    [Fact]
    public async Task A_figure_of_zero_has_nothing_to_drill_into()
    {
        using var admin = await app.SignInAsync("admin");

        var kpi = await (await admin.GetAsync("/kpi?from=2025-01-01&to=2025-01-31")).ReadHtmlAsync();

        Assert.Contains("data-testid=\"kpi-figure\"", kpi);
        Assert.DoesNotContain("href=\"/records?", kpi);
    }

    [Fact]
    public async Task A_records_link_whose_period_cannot_be_used_says_why_and_shows_today()
    {
        using var admin = await app.SignInAsync("admin");

        var tooLong = await (await admin.GetAsync("/records?from=2025-01-01&to=2026-06-01&list=Valid")).ReadHtmlAsync();
        var fine = await (await admin.GetAsync("/records?from=2026-03-01&to=2026-03-31&list=Valid")).ReadHtmlAsync();

        Assert.Contains("data-testid=\"records-link-problem\"", tooLong);
        Assert.Contains("统计时段最长 366 天。", tooLong);
        Assert.DoesNotContain("records-link-problem", fine);
    }
}
