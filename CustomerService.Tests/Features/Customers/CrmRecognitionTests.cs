using CustomerService.Domain.Customers;
using CustomerService.Domain.Visitors;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Customers;
using CustomerService.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Features.Customers;

/// <summary>
/// SPEC J5/J6 in the console: a returning visitor is recognised as the CRM customer by his signed user id or by the
/// visitor he was filed from; the badge shows it; filing him from the console makes the agent creator and owner.
/// </summary>
public sealed class CrmRecognitionTests
{
    [Fact]
    public async Task A_visitor_filed_from_the_console_becomes_a_console_customer_of_the_agent_with_his_user_id_and_shows_the_badge()
    {
        await using var db = await TestDatabase.CreateAsync();
        var team = await DemoTeam.AddToAsync(db);
        var visitor = await AddVisitorAsync(db, "u-9");
        await new StoredConversationBuilder().ServedBy(team.Sales1).ForVisitor(visitor).SaveAsync(db);
        var profiles = db.GetRequiredService<CustomerProfileService>();

        var before = await profiles.BadgeAsync(team.Sales1, visitor);
        var saved = await profiles.SaveAsync(team.Sales1, visitor, new CustomerDetails("张三", "13800138000", null, null));
        var after = await profiles.BadgeAsync(team.Sales1, visitor);

        Assert.Null(before);
        Assert.True(saved.Succeeded);
        await using var check = db.NewContext();
        var customer = await check.Customers.SingleAsync();
        Assert.Equal(
            (CustomerSource.Console, (int?)team.Sales1, (int?)team.Sales1, (long?)visitor, "u-9"),
            (customer.Source, customer.CreatedByAccountId, customer.OwnerAccountId, customer.OriginVisitorId, customer.UserId));
        Assert.Equal(customer.Id, after?.CustomerId);
    }

    [Fact]
    public async Task The_same_user_on_another_device_is_recognised_as_the_customer_and_edits_him_instead_of_filing_a_second()
    {
        await using var db = await TestDatabase.CreateAsync();
        var team = await DemoTeam.AddToAsync(db);
        await using (var context = db.NewContext())
        {
            context.Customers.Add(Customer.Create(CustomerSource.Api, new CustomerData(new CustomerDetails("李四", null, null, null), "u-7", 4), null, null, db.Clock.GetUtcNow().UtcDateTime));
            await context.SaveChangesAsync();
        }

        var visitor = await AddVisitorAsync(db, "u-7");
        await new StoredConversationBuilder().ServedBy(team.Sales2).ForVisitor(visitor).SaveAsync(db);
        var profiles = db.GetRequiredService<CustomerProfileService>();

        var badge = await profiles.BadgeAsync(team.Sales2, visitor);
        var read = await profiles.GetAsync(team.Sales2, visitor);
        await profiles.SaveAsync(team.Sales2, visitor, new CustomerDetails("李四", "13900139000", null, "回头客"));

        Assert.Equal(4, badge?.Star);
        Assert.Equal("李四", read?.Name);
        await using var check = db.NewContext();
        var customer = await check.Customers.SingleAsync();
        Assert.Equal(("13900139000", "回头客", CustomerSource.Api), (customer.Phone, customer.Notes, customer.Source));
    }

    [Fact]
    public async Task Badges_of_several_visitors_come_from_one_call_with_the_rules_of_one_badge_and_the_agents_sight()
    {
        await using var db = await TestDatabase.CreateAsync();
        var team = await DemoTeam.AddToAsync(db);
        var filed = await AddVisitorAsync(db, "u-1");
        var signed = await AddVisitorAsync(db, "u-2");
        var nobody = await AddVisitorAsync(db, "u-3");
        var unseen = await AddVisitorAsync(db, "u-4");
        foreach (var visitor in new[] { filed, signed, nobody })
        {
            await new StoredConversationBuilder().ServedBy(team.Sales1).ForVisitor(visitor).SaveAsync(db);
        }

        await new StoredConversationBuilder().ServedBy(team.Sales2).ForVisitor(unseen).SaveAsync(db);
        var profiles = db.GetRequiredService<CustomerProfileService>();
        await profiles.SaveAsync(team.Sales1, filed, new CustomerDetails("王五", null, null, null));
        await using (var context = db.NewContext())
        {
            var now = db.Clock.GetUtcNow().UtcDateTime;
            context.Customers.Add(Customer.Create(CustomerSource.Api, new CustomerData(new CustomerDetails("赵六", null, null, null), "u-2", 3), null, null, now));
            context.Customers.Add(Customer.Create(CustomerSource.Api, new CustomerData(new CustomerDetails("钱七", null, null, null), "u-4", 5), null, null, now));
            await context.SaveChangesAsync();
        }

        var badges = await profiles.BadgesAsync(team.Sales1, [filed, signed, nobody, unseen]);

        Assert.Equal([filed, signed], badges.Keys.Order());
        Assert.Equal((null, 3), (badges[filed].Star, badges[signed].Star));
        Assert.Equal(await profiles.BadgeAsync(team.Sales1, signed), badges[signed]);
        Assert.Empty(await profiles.BadgesAsync(team.Sales1, []));
    }

    [Fact]
    public async Task Saving_a_customer_from_the_console_announces_it_so_open_consoles_refresh_their_badges()
    {
        await using var db = await TestDatabase.CreateAsync();
        var team = await DemoTeam.AddToAsync(db);
        var visitor = await AddVisitorAsync(db, "u-5");
        await new StoredConversationBuilder().ServedBy(team.Sales1).ForVisitor(visitor).SaveAsync(db);
        var announced = 0;
        using var _ = db.GetRequiredService<ChangeFeed<CustomersChanged>>().Subscribe(change => announced++);
        var profiles = db.GetRequiredService<CustomerProfileService>();

        var refused = await profiles.SaveAsync(team.Sales2, visitor, new CustomerDetails("张三", null, null, null));
        Assert.Equal(0, announced);
        await profiles.SaveAsync(team.Sales1, visitor, new CustomerDetails("张三", null, null, null));

        Assert.False(refused.Succeeded);
        Assert.Equal(1, announced);
    }

    private static async Task<long> AddVisitorAsync(TestDatabase db, string userId)
    {
        await using var context = db.NewContext();
        var visitor = new Visitor(Guid.NewGuid().ToString("N"), db.Clock.GetUtcNow().UtcDateTime);
        visitor.Identify(userId, null, isVip: false);
        context.Visitors.Add(visitor);
        await context.SaveChangesAsync();
        return visitor.Id;
    }
}
