using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerService.Tests.Features.Integration;
using CustomerService.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Reporting.Api;

/// <summary>SPEC N4/N5 over HTTP: the report JSON's names and nulls, each refused query field, narrowing and order details.</summary>
public sealed class ReportApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_agents_report_names_every_figure_as_N5_and_an_empty_denominator_is_null()
    {
        using var client = IntegrationApiTestKit.Client(app);

        var response = await client.GetAsync("/api/v1/reports/agents?from=2020-01-01&to=2020-01-31");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = report.RootElement;
        Assert.Equal(("2020-01-01", "2020-01-31", "Asia/Shanghai"), (root.GetProperty("from").GetString(), root.GetProperty("to").GetString(), root.GetProperty("timeZone").GetString()));
        var total = root.GetProperty("total");
        Assert.Equal(0, total.GetProperty("consultations").GetInt64());
        Assert.Equal(JsonValueKind.Null, total.GetProperty("connectRate").ValueKind);
        Assert.Equal(JsonValueKind.Null, total.GetProperty("responseP50Seconds").ValueKind);
        Assert.Equal(0, total.GetProperty("ratings").GetProperty("unrated").GetInt64());
        var sales1 = root.GetProperty("agents").EnumerateArray().Single(a => a.GetProperty("login").GetString() == "sales1");
        Assert.Equal("售前组", sales1.GetProperty("accountGroup").GetString());
        Assert.Equal(0, sales1.GetProperty("onlineSeconds").GetDouble());
    }

    [Theory]
    [InlineData("/api/v1/reports/agents?from=2026-13-01&to=2026-12-31", "from")]
    [InlineData("/api/v1/reports/agents?from=2026-02-01&to=2026-01-01", "to")]
    [InlineData("/api/v1/reports/agents?from=2025-01-01&to=2026-01-02", "to")]
    [InlineData("/api/v1/reports/agents?from=2026-01-01&to=2026-01-02&accountGroup=没有这个组", "accountGroup")]
    [InlineData("/api/v1/reports/queue?from=2026-01-01&to=2026-01-02&receptionGroup=没有这个组", "receptionGroup")]
    [InlineData("/api/v1/reports/orders?to=2026-01-02", "from")]
    public async Task A_bad_report_query_is_a_field_error(string url, string field)
    {
        using var client = IntegrationApiTestKit.Client(app);

        var problem = await IntegrationApiTestKit.AssertValidationProblemAsync(await client.GetAsync(url));

        Assert.Contains(field, problem.Errors.Keys);
    }

    [Fact]
    public async Task The_queue_report_narrows_to_a_reception_group_by_name()
    {
        using var client = IntegrationApiTestKit.Client(app);

        var response = await client.GetAsync("/api/v1/reports/queue?from=2026-01-01&to=2026-01-31&receptionGroup=售前");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var queue = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(0, queue.RootElement.GetProperty("queued").GetInt64());
        Assert.Equal(JsonValueKind.Null, queue.RootElement.GetProperty("avgWaitSeconds").ValueKind);
    }

    [Fact]
    public async Task The_orders_report_lists_an_order_of_the_period_with_its_type()
    {
        using var client = IntegrationApiTestKit.Client(app);
        var placedAt = new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.FromHours(8));
        (await client.PutAsJsonAsync("/api/v1/orders/API-MARCH", new { userId = "user-9003", amount = 10m, placedAt })).EnsureSuccessStatusCode();

        var response = await client.GetAsync("/api/v1/reports/orders?from=2026-03-03&to=2026-03-03");

        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var order = Assert.Single(report.RootElement.GetProperty("orders").EnumerateArray());
        Assert.Equal(("API-MARCH", "none", "user-9003"), (order.GetProperty("orderId").GetString(), order.GetProperty("type").GetString(), order.GetProperty("userId").GetString()));
    }
}
