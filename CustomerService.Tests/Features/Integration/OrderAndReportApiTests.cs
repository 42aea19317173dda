using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CustomerService.Data;
using CustomerService.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CustomerService.Tests.Features.Integration.IntegrationApiTestKit;

namespace CustomerService.Tests.Features.Integration;

/// <summary>
/// SPEC N4 over HTTP, through the integration API's group: orders and reports need a key like every <c>/api/v1</c>
/// route, answer bad input with field errors and write nothing, and the same order twice changes nothing. (The order
/// rules and figures themselves are pinned by the reporting tests.)
/// </summary>
public sealed class OrderAndReportApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task An_order_without_a_key_is_401_and_not_stored()
    {
        using var client = Client(app, key: null);

        using var response = await client.PutAsJsonAsync("/api/v1/orders/NOKEY-1", Order("u-1", 10m));

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(0, await OrderCountAsync("NOKEY-1"));
    }

    [Fact]
    public async Task The_same_order_twice_is_created_once_and_then_unchanged()
    {
        using var client = Client(app);

        using var first = await client.PutAsJsonAsync("/api/v1/orders/TWICE-1", Order("u-2", 99.9m));
        using var again = await client.PutAsJsonAsync("/api/v1/orders/TWICE-1", Order("u-2", 99.9m));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using var answer = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
        Assert.False(answer.RootElement.GetProperty("changed").GetBoolean());
        Assert.Equal(1, await OrderCountAsync("TWICE-1"));
    }

    [Fact]
    public async Task A_bad_order_is_400_with_each_field_and_nothing_is_written()
    {
        using var client = Client(app);

        using var response = await client.PutAsJsonAsync("/api/v1/orders/BAD-1", Order(" ", -1m));

        var problem = await AssertValidationProblemAsync(response);
        Assert.Equal(new[] { "amount", "userId" }, problem.Errors.Keys.Order());
        Assert.Equal(new[] { UiTexts.Chinese("Error.OrderAmountNegative") }, problem.Errors["amount"]);
        Assert.Equal(0, await OrderCountAsync("BAD-1"));
    }

    [Fact]
    public async Task A_malformed_order_body_is_a_400_problem_and_nothing_is_written()
    {
        using var client = Client(app);

        using var response = await client.PutAsync("/api/v1/orders/JSON-1", new StringContent("{\"userId\": \"u-3\", \"amount\": ", Encoding.UTF8, "application/json"));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(UiTexts.Chinese("Error.RequestMalformed"), problem.Detail);
        Assert.Equal(0, await OrderCountAsync("JSON-1"));
    }

    [Theory]
    [InlineData("/api/v1/reports/agents?from=2025-01-01&to=2025-01-31")]
    [InlineData("/api/v1/reports/queue?from=2025-01-01&to=2025-01-31")]
    [InlineData("/api/v1/reports/orders?from=2025-01-01&to=2025-01-31")]
    public async Task Reports_answer_with_the_demo_key(string url)
    {
        using var client = Client(app);

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_report_with_a_bad_period_and_an_unknown_group_names_both_fields()
    {
        using var client = Client(app, language: "en");

        using var response = await client.GetAsync("/api/v1/reports/agents?from=2025-02-01&to=2025-01-31&accountGroup=nobody");

        var problem = await AssertValidationProblemAsync(response);
        Assert.Equal(new[] { "accountGroup", "to" }, problem.Errors.Keys.Order());
        Assert.Equal(new[] { UiTexts.English("Error.ReportPeriodReversed") }, problem.Errors["to"]);
    }

    private static object Order(string userId, decimal amount) =>
        new { userId, amount, placedAt = "2025-01-10T10:00:00+08:00" };

    private async Task<int> OrderCountAsync(string orderId)
    {
        await using var scope = app.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CustomerServiceDbContext>().Orders.CountAsync(o => o.OrderId == orderId);
    }
}
