using CustomerService.Domain.Customers;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Crm;

namespace CustomerService.Tests.Features.Crm;

/// <summary>SPEC J1 overview figures and J2 search conditions, over an admin's whole CRM.</summary>
public sealed class CustomerSearchAndOverviewTests
{
    // The test clock starts on Monday 2026-01-05 09:00 UTC (enterprise zone UTC): yesterday is Sunday 01-04, last week
    // is 2025-12-29..2026-01-04, the week before 12-22..12-28.
    [Fact]
    public async Task The_overview_counts_today_last_week_and_the_periods_before_with_stars_and_contact_methods()
    {
        await using var database = await TestDatabase.CreateAsync();
        var team = await DemoTeam.AddToAsync(database);
        await using (var db = database.NewContext())
        {
            void Add(DateTime at, string? phone, string? email, int? star) =>
                db.Customers.Add(Customer.Create(CustomerSource.Import, new CustomerData(new CustomerDetails("客户", phone, email, null), "u-" + Guid.NewGuid().ToString("N"), star), team.Admin, null, at));
            Add(new DateTime(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc), "13800000001", null, 5);
            Add(new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc), "13800000002", "a@example.com", 5);
            Add(new DateTime(2026, 1, 4, 23, 59, 59, DateTimeKind.Utc), null, "b@example.com", 1);
            Add(new DateTime(2025, 12, 30, 10, 0, 0, DateTimeKind.Utc), null, null, null);
            Add(new DateTime(2025, 12, 29, 0, 30, 0, DateTimeKind.Utc), null, null, null);
            Add(new DateTime(2025, 12, 28, 23, 0, 0, DateTimeKind.Utc), null, null, 3);
            Add(new DateTime(2025, 12, 22, 0, 0, 0, DateTimeKind.Utc), null, null, null);
            Add(new DateTime(2025, 12, 1, 0, 0, 0, DateTimeKind.Utc), "13800000003", null, null);
            await db.SaveChangesAsync();
        }

        var overview = await database.GetRequiredService<CrmOverviewReader>().ReadAsync(team.Admin);

        Assert.Equal((8, 2, 1, 3, 2), (overview.Total, overview.NewToday, overview.NewYesterday, overview.NewLastWeek, overview.NewWeekBefore));
        Assert.Equal((1m, 0.5m), (overview.TodayGrowth!.Value, overview.LastWeekGrowth!.Value));
        Assert.Equal(new[] { 4, 1, 0, 1, 0, 2 }, overview.StarCounts);
        Assert.Equal((3, 2, 4), (overview.WithPhone, overview.WithEmail, overview.Other));

        // A sales agent owns none of them: his overview is empty, with no growth to show.
        var own = await database.GetRequiredService<CrmOverviewReader>().ReadAsync(team.Sales1);
        Assert.Equal((0, (decimal?)null), (own.Total, own.TodayGrowth));
    }

    [Fact]
    public async Task Conditions_combine_and_a_multiple_choice_matches_any_chosen_option()
    {
        await using var database = await TestDatabase.CreateAsync();
        var team = await DemoTeam.AddToAsync(database);
        int fieldId;
        await using (var db = database.NewContext())
        {
            var field = new CustomField("爱好", CustomFieldType.MultipleChoice, ["读书", "跑步", "游泳"], isRequired: false, position: 0);
            db.CustomFields.Add(field);
            await db.SaveChangesAsync();
            fieldId = field.Id;
            var now = database.Clock.GetUtcNow().UtcDateTime;
            foreach (var (name, phone, star, hobbies) in new[] { ("张三", "13800000001", 5, "读书\n跑步"), ("张四", "13900000002", 5, "跑步"), ("李四", "13800000003", 5, "读书"), ("张五", "13800000004", 2, "读书\n跑步\n游泳") })
            {
                var customer = Customer.Create(CustomerSource.Crm, new CustomerData(new CustomerDetails(name, phone, null, null), null, star), team.Admin, team.Admin, now);
                db.Customers.Add(customer);
                await db.SaveChangesAsync();
                db.CustomerFieldValues.Add(new CustomerFieldValue(customer.Id, fieldId, hobbies));
                await db.SaveChangesAsync();
            }
        }

        var search = database.GetRequiredService<CustomerSearch>();
        async Task<string[]> Find(CustomerQuery query) =>
            (await search.PageAsync(team.Admin, query, null, 50)).Rows.Select(r => r.Name!).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(new[] { "张三", "张五" }, await Find(new CustomerQuery { Name = "张", Phone = "138" }));
        Assert.Equal(new[] { "张三", "张四" }, await Find(new CustomerQuery { Name = "张", Star = 5 }));
        Assert.Equal(new[] { "张三", "张五", "张四" }, await Find(new CustomerQuery { FieldId = fieldId, FieldValue = "跑步" }));
        Assert.Equal(new[] { "张五" }, await Find(new CustomerQuery { FieldId = fieldId, FieldValue = "游泳" }));
        Assert.Equal(new[] { "李四" }, await Find(new CustomerQuery { FieldId = fieldId, FieldValue = "读书", Phone = "13800000003" }));
    }
}
