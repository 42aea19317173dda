using System.Net;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Kpi;

namespace CustomerService.Tests.Features.Kpi;

/// <summary>
/// SPEC B/I1 over HTTP: every KPI page and download per role, by typed URL. Sales get every page but 关键绩效排名, 工作时长
/// and 排队分析 — refused on the page and on the download alike (a redirect to the refusal page, which answers 403).
/// </summary>
public sealed class KpiPagesAuthorizationTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Period = "from=2026-11-01&to=2026-11-30";

    public static TheoryData<string, string> OpenPages => Combine(
        ["admin", "lead", "sales1", "qc"], ["/kpi", "/kpi/details", "/kpi/consultation", "/kpi/orders", "/kpi/quality", "/kpi/starts", "/kpi/types", "/kpi/users"]);

    public static TheoryData<string, string> ManagementPages => Combine(["admin", "lead", "qc"], ["/kpi/ranking", "/kpi/work-hours", "/kpi/queue"]);

    public static TheoryData<string> RefusedToSales => new("/kpi/ranking", "/kpi/work-hours", "/kpi/queue");

    public static TheoryData<string, string> OpenDownloads => Combine(
        ["admin", "lead", "sales1", "qc"],
        ["/kpi/overview.xlsx", "/kpi/details.xlsx", "/kpi/consultation.xlsx", "/kpi/orders.xlsx", "/kpi/quality.xlsx", "/kpi/consultation.xlsx?section=Invalid",
         "/kpi/starts.xlsx", "/kpi/types.xlsx", "/kpi/users.xlsx", "/kpi/orders.xlsx?section=OrderDetails",
         "/kpi/starts.xlsx?section=Sources", "/kpi/types.xlsx?section=Types", "/kpi/users.xlsx?section=Regions", "/kpi/overview.xlsx?section=Quality"]);

    public static TheoryData<string, string> ManagementDownloads => Combine(
        ["admin", "lead", "qc"], ["/kpi/ranking.xlsx", "/kpi/work-hours.xlsx", "/kpi/queue.xlsx"]);

    public static TheoryData<string> DownloadsRefusedToSales => new("/kpi/ranking.xlsx", "/kpi/work-hours.xlsx", "/kpi/queue.xlsx", "/kpi/work-hours.xlsx?section=WorkHoursTrend");

    [Theory]
    [MemberData(nameof(OpenPages))]
    [MemberData(nameof(ManagementPages))]
    public async Task A_role_opens_the_kpi_pages_it_may_see(string login, string page)
    {
        using var client = await app.SignInAsync(login);

        using var response = await client.GetAsync($"{page}?{Period}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.ReadHtmlAsync();
        Assert.DoesNotContain("data-testid=\"access-denied\"", html);
        Assert.Contains("data-testid=\"period-picker\"", html);
    }

    [Theory]
    [MemberData(nameof(RefusedToSales))]
    public async Task Sales_are_refused_ranking_work_hours_and_queue_by_typed_url(string page)
    {
        using var sales = await app.SignInAsync("sales1");

        using var response = await sales.GetAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/access-denied", new Uri(app.BaseAddress, response.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task Sales_see_no_links_to_the_pages_refused_to_them()
    {
        using var sales = await app.SignInAsync("sales1");
        using var lead = await app.SignInAsync("lead");

        var salesHtml = await (await sales.GetAsync("/kpi")).ReadHtmlAsync();
        var leadHtml = await (await lead.GetAsync("/kpi")).ReadHtmlAsync();

        Assert.Contains("nav-kpi-details", salesHtml);
        Assert.DoesNotContain("nav-kpi-ranking", salesHtml);
        Assert.DoesNotContain("nav-kpi-work-hours", salesHtml);
        Assert.DoesNotContain("nav-kpi-queue", salesHtml);
        Assert.Contains("nav-kpi-ranking", leadHtml);
    }

    [Theory]
    [InlineData("lead", "nav-kpi nav-kpi-details", "nav-kpi-consultation nav-kpi-orders nav-kpi-ranking nav-kpi-work-hours",
        "nav-kpi-starts nav-kpi-types nav-kpi-users nav-kpi-queue nav-kpi-quality")]
    [InlineData("sales1", "nav-kpi nav-kpi-details", "nav-kpi-consultation nav-kpi-orders", "nav-kpi-starts nav-kpi-types nav-kpi-users nav-kpi-quality")]
    public async Task The_kpi_menu_has_the_three_groups_of_002_in_order(string login, string statistics, string performance, string analysis)
    {
        using var client = await app.SignInAsync(login);

        var html = await (await client.GetAsync("/kpi")).ReadHtmlAsync();

        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        string Links(string group) => string.Join(' ', document.QuerySelectorAll($"[data-testid={group}] a[data-testid]")
            .Select(link => link.GetAttribute("data-testid")));
        Assert.Equal(statistics, Links("nav-kpi-statistics"));
        Assert.Equal(performance, Links("nav-kpi-performance"));
        Assert.Equal(analysis, Links("nav-kpi-analysis"));
    }

    [Theory]
    [MemberData(nameof(OpenDownloads))]
    [MemberData(nameof(ManagementDownloads))]
    public async Task A_role_downloads_the_kpi_files_it_may_see(string login, string download)
    {
        using var client = await app.SignInAsync(login);

        using var response = await client.GetAsync(download + (download.Contains('?') ? "&" : "?") + Period);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(DownloadsRefusedToSales))]
    public async Task Sales_are_refused_the_downloads_of_the_refused_pages(string download)
    {
        using var sales = await app.SignInAsync("sales1");

        using var response = await sales.GetAsync(download + (download.Contains('?') ? "&" : "?") + Period);

        // Like a refused page: to the refusal page, which answers 403; no file.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(app.BaseAddress, response.Headers.Location!);
        Assert.Equal("/access-denied", location.AbsolutePath);
        using var denied = await sales.GetAsync(location);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Theory]
    [InlineData("/kpi/nothing.xlsx")]
    [InlineData("/kpi/consultation.xlsx?section=Nothing")]
    [InlineData("/kpi/starts.xlsx?section=Nothing")]
    [InlineData("/kpi/overview.xlsx?section=Nothing")]
    public async Task An_unknown_page_or_section_is_not_found(string download)
    {
        using var admin = await app.SignInAsync("admin");

        using var response = await admin.GetAsync(download + (download.Contains('?') ? "&" : "?") + Period);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("sales1")]
    public async Task A_kpi_page_that_does_not_exist_is_not_found_by_typed_url(string login)
    {
        using var client = await app.SignInAsync(login);

        using var response = await client.GetAsync($"/kpi/nothing?{Period}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static TheoryData<string, string> Combine(string[] logins, string[] paths)
    {
        var data = new TheoryData<string, string>();
        foreach (var login in logins)
        {
            foreach (var path in paths)
            {
                data.Add(login, path);
            }
        }

        return data;
    }
}
