using CustomerService.Domain.Orders;
using CustomerService.Domain.Organisation;
using CustomerService.Domain.Reporting;
using CustomerService.Tests.Builders;
using CustomerService.Web.Features.Reporting.Jobs;
using CustomerService.Web.Features.Reporting.Orders;
using CustomerService.Web.Features.Reporting.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Reporting.Orders;

/// <summary>SPEC N4 <c>PUT /api/v1/orders</c> and SPEC I0 Orders: upsert, refusal of bad input, attribution and its recomputation.</summary>
public sealed class OrderIntakeTests
{
    private static readonly DateTimeOffset Noon = new(2026, 1, 5, 12, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData("amount", "-1", null, null, null, "OrderAmountNegative")]
    [InlineData("amount", "1.005", null, null, null, "OrderAmountDecimals")]
    [InlineData("placedAt", null, 6, null, null, "OrderPlacedInFuture")]
    [InlineData("paidAt", null, null, -1, null, "OrderPaidBeforePlaced")]
    [InlineData("status", null, null, null, "refunded", "OrderStatusUnknown")]
    public async Task Bad_input_is_refused_by_field_and_nothing_is_stored(
        string field, string? amount, int? placedMinutesAhead, int? paidMinutesAfter, string? status, string code)
    {
        await using var scenario = await EngineScenario.StartAsync();
        scenario.Clock.Set(Noon);
        var input = new OrderInput(
            "O-1", "user-1", amount is null ? 10m : decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture),
            Noon.AddMinutes(placedMinutesAhead ?? -10), paidMinutesAfter is { } paid ? Noon.AddMinutes(-10 + paid) : null, status);

        var result = await Intake(scenario).UpsertAsync(input);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((field, code), (problem.Field, problem.Violation.Code));
        await using var db = scenario.NewContext();
        Assert.Empty(await db.Orders.ToListAsync());
    }

    [Fact]
    public async Task An_id_over_64_characters_and_an_empty_user_are_both_reported()
    {
        await using var scenario = await EngineScenario.StartAsync();
        scenario.Clock.Set(Noon);

        var result = await Intake(scenario).UpsertAsync(new OrderInput(new string('x', 65), " ", 10m, Noon, null, null));

        Assert.Equal(["orderId", "userId"], result.Problems.Select(p => p.Field).Order());
    }

    [Fact]
    public async Task The_same_body_twice_changes_nothing_and_a_changed_one_is_stored()
    {
        await using var scenario = await EngineScenario.StartAsync();
        scenario.Clock.Set(Noon);
        var input = new OrderInput("O-1", "user-1", 99.90m, Noon.AddHours(-1), null, "placed");

        var first = await Intake(scenario).UpsertAsync(input);
        scenario.Clock.Advance(TimeSpan.FromMinutes(1));
        var again = await Intake(scenario).UpsertAsync(input);
        var paid = await Intake(scenario).UpsertAsync(input with { PaidAt = Noon, Status = "paid" });

        Assert.Equal((true, true), (first.Created, first.Changed));
        Assert.Equal((false, false), (again.Created, again.Changed));
        Assert.Equal((false, true), (paid.Created, paid.Changed));
        await using var db = scenario.NewContext();
        var stored = await db.Orders.SingleAsync();
        Assert.Equal((OrderStatus.Paid, Noon.UtcDateTime), (stored.Status, stored.PaidAt));
    }

    [Fact]
    public async Task The_same_new_order_pushed_several_times_at_once_is_stored_once_and_every_push_succeeds()
    {
        await using var scenario = await EngineScenario.StartAsync();
        scenario.Clock.Set(Noon);
        var input = new OrderInput("O-RACE", "user-1", 10m, Noon.AddMinutes(-1), null, null);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Intake(scenario).UpsertAsync(input))));

        Assert.All(results, r => Assert.Empty(r.Problems));
        Assert.Single(results, r => r.Created);
        await using var db = scenario.NewContext();
        Assert.Equal(1, await db.Orders.CountAsync());
    }

    [Fact]
    public async Task An_order_after_two_agents_consultations_goes_to_the_latest_and_the_other_assisted()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var (a1, a2, entry) = await TwoAgentsAsync(scenario);
        var user = await scenario.AddVisitorAsync("u1");
        scenario.Clock.Set(Noon.AddDays(-2));
        await ValidConversationAsync(scenario, entry, user, a1, a2, first: a1);
        scenario.Clock.Set(Noon.AddDays(-1));
        var latest = await ValidConversationAsync(scenario, entry, user, a1, a2, first: a2);

        scenario.Clock.Set(Noon);
        var result = await Intake(scenario).UpsertAsync(new OrderInput("O-1", "user-u1", 50m, Noon.AddMinutes(-5), null, null));

        var order = result.Order!;
        Assert.Equal((OrderType.AfterConsultation, a2, latest), (order.Type, order.OrderAgentId, order.AttributedConversationId));
        Assert.Equal([a1], order.AssistingAgentIds);
    }

    [Fact]
    public async Task An_order_of_a_user_without_a_signed_id_is_credited_to_nobody()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var (a1, a2, entry) = await TwoAgentsAsync(scenario);
        var anonymous = await scenario.AddVisitorAsync();
        scenario.Clock.Set(Noon.AddHours(-1));
        await ValidConversationAsync(scenario, entry, anonymous, a1, a2, first: a1);

        scenario.Clock.Set(Noon);
        var result = await Intake(scenario).UpsertAsync(new OrderInput("O-1", "someone-else", 50m, Noon.AddMinutes(-5), null, null));

        Assert.Equal((OrderType.None, (int?)null), (result.Order!.Type, result.Order.OrderAgentId));
    }

    [Fact]
    public async Task A_consultation_after_an_order_makes_it_an_order_before_consultation_when_the_job_runs()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var (a1, a2, entry) = await TwoAgentsAsync(scenario);
        var user = await scenario.AddVisitorAsync("u1");
        var job = scenario.Database.Services.GetRequiredService<OrderAttributionJob>();
        scenario.Clock.Set(Noon);
        await job.RefreshAsync(CancellationToken.None); // first run sets its checkpoint
        var placed = await Intake(scenario).UpsertAsync(new OrderInput("O-1", "user-u1", 50m, Noon.AddMinutes(-5), null, null));
        Assert.Equal(OrderType.None, placed.Order!.Type);

        scenario.Clock.Set(Noon.AddHours(2));
        var after = await ValidConversationAsync(scenario, entry, user, a1, a2, first: a1);
        scenario.Clock.Set(Noon.AddHours(3));
        var changed = await job.RefreshAsync(CancellationToken.None);

        Assert.Equal(1, changed);
        await using var db = scenario.NewContext();
        var stored = await db.Orders.SingleAsync();
        Assert.Equal((OrderType.BeforeConsultation, after, (int?)null), (stored.Type, stored.AttributedConversationId, stored.OrderAgentId));
    }

    [Fact]
    public async Task A_longer_attribution_window_re_attributes_every_order_and_drops_every_rollup_for_rolling_again()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var (a1, a2, entry) = await TwoAgentsAsync(scenario);
        var user = await scenario.AddVisitorAsync("u1");
        scenario.Clock.Set(Noon.AddDays(-10));
        var consultation = await ValidConversationAsync(scenario, entry, user, a1, a2, first: a1);
        scenario.Clock.Set(Noon);
        var placed = await Intake(scenario).UpsertAsync(new OrderInput("O-1", "user-u1", 50m, Noon.AddMinutes(-5), null, null));
        Assert.Equal(OrderType.None, placed.Order!.Type); // ten days before: outside the default window of 7
        await scenario.Database.Services.GetRequiredService<DayRoller>().RollAsync(DateOnly.FromDateTime(Noon.AddDays(-10).Date));
        await using (var db = scenario.NewContext())
        {
            Assert.True(await db.RollupDays.AnyAsync());
            (await db.EnterpriseProfiles.SingleAsync()).UpdateInfo(new EnterpriseInfo("演示企业", null, null, null, null, null, "Asia/Shanghai", true, 14));
            await db.SaveChangesAsync();
        }

        await scenario.Database.Services.GetRequiredService<RecomputeAllJob>().RecomputeAsync(CancellationToken.None);

        await using var after = scenario.NewContext();
        var order = await after.Orders.SingleAsync();
        Assert.Equal((OrderType.AfterConsultation, (int?)a1, (long?)consultation), (order.Type, order.OrderAgentId, order.AttributedConversationId));
        Assert.False(await after.RollupDays.AnyAsync());
        Assert.False(await after.RollupRows.AnyAsync());
    }

    [Fact]
    public async Task Cancelling_an_order_leaves_the_figures_and_stops_it_counting_as_a_previous_order()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var (a1, a2, entry) = await TwoAgentsAsync(scenario);
        var user = await scenario.AddVisitorAsync("u1");
        scenario.Clock.Set(Noon.AddDays(-3));
        await ValidConversationAsync(scenario, entry, user, a1, a2, first: a1);
        scenario.Clock.Set(Noon.AddDays(-2));
        await Intake(scenario).UpsertAsync(new OrderInput("O-1", "user-u1", 10m, Noon.AddDays(-2), null, null));
        scenario.Clock.Set(Noon.AddDays(-1));
        await ValidConversationAsync(scenario, entry, user, a1, a2, first: a2);
        scenario.Clock.Set(Noon);
        var second = await Intake(scenario).UpsertAsync(new OrderInput("O-2", "user-u1", 20m, Noon, null, null));
        // O-1 came after a1's conversation: a1 does not assist O-2.
        Assert.Empty(second.Order!.AssistingAgentIds);

        await Intake(scenario).UpsertAsync(new OrderInput("O-1", "user-u1", 10m, Noon.AddDays(-2), null, "cancelled"));

        await using var db = scenario.NewContext();
        var o2 = await db.Orders.SingleAsync(o => o.OrderId == "O-2");
        Assert.Equal([a1], o2.AssistingAgentIds);
    }

    private static OrderIntake Intake(EngineScenario scenario) => scenario.Database.Services.GetRequiredService<OrderIntake>();

    private static async Task<(int A1, int A2, string Entry)> TwoAgentsAsync(EngineScenario scenario)
    {
        scenario.Clock.Set(Noon.AddDays(-5));
        var a1 = await scenario.AddAgentAsync("a1");
        var a2 = await scenario.AddAgentAsync("a2");
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(a1, 0), new MemberAssignment(a2, 0));
        return (a1, a2, entry);
    }

    /// <summary>A valid conversation of the visitor served by <paramref name="first"/> (the other agent is away meanwhile).</summary>
    private static async Task<long> ValidConversationAsync(EngineScenario scenario, string entry, long visitor, int a1, int a2, int first)
    {
        var other = first == a1 ? a2 : a1;
        await scenario.Engine.SetStatusAsync(other, CustomerService.Domain.Conversations.AgentStatus.Away);
        await scenario.OnlineAsync(first);
        var id = await scenario.StartActiveAsync(entry, visitor);
        await scenario.Engine.AppendVisitorMessageAsync(visitor, id, null, "你好");
        await scenario.Engine.AppendAgentMessageAsync(first, id, null, "您好");
        await scenario.Engine.EndByAgentAsync(first, id);
        return id;
    }
}
