using CustomerService.Domain.Customers;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Crm;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Features.Crm;

/// <summary>SPEC J3: admins define custom fields; bad definitions change nothing; removing a field removes its values.</summary>
public sealed class CustomFieldSettingsTests
{
    [Fact]
    public async Task Fields_are_added_in_order_and_a_taken_name_or_a_choice_without_options_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync();
        var settings = database.GetRequiredService<CustomFieldSettings>();

        var city = await settings.AddAsync(" 城市 ", CustomFieldType.Text, ["ignored"], isRequired: false);
        var gender = await settings.AddAsync("性别", CustomFieldType.SingleChoice, ["男", "女"], isRequired: true);
        var again = await settings.AddAsync("城市", CustomFieldType.Number, [], isRequired: false);
        var empty = await settings.AddAsync("爱好", CustomFieldType.MultipleChoice, [], isRequired: false);

        Assert.True(city.Succeeded && gender.Succeeded);
        Assert.Equal("Crm.FieldNameTaken(城市)", again.Violation?.ToString());
        Assert.Equal("Crm.FieldOptionsRequired", empty.Violation?.ToString());
        await using var db = database.NewContext();
        var fields = await db.CustomFields.OrderBy(f => f.Position).ToListAsync();
        Assert.Equal(new[] { ("城市", CustomFieldType.Text, "", false), ("性别", CustomFieldType.SingleChoice, "男\n女", true) },
            fields.Select(f => (f.Name, f.Type, f.Options, f.IsRequired)));
    }

    [Fact]
    public async Task Removing_a_field_removes_its_values_and_keeps_the_customers()
    {
        await using var database = await TestDatabase.CreateAsync();
        var settings = database.GetRequiredService<CustomFieldSettings>();
        var field = (await settings.AddAsync("城市", CustomFieldType.Text, [], isRequired: false)).Value;
        await using (var db = database.NewContext())
        {
            var customer = Customer.Create(CustomerSource.Api, new CustomerData(new CustomerDetails("张三", null, null, null), "u-1", null), null, null, database.Clock.GetUtcNow().UtcDateTime);
            db.Customers.Add(customer);
            await db.SaveChangesAsync();
            db.CustomerFieldValues.Add(new CustomerFieldValue(customer.Id, field, "佛山"));
            await db.SaveChangesAsync();
        }

        await settings.DeleteAsync(field);

        await using var check = database.NewContext();
        Assert.Empty(await check.CustomerFieldValues.ToListAsync());
        Assert.Single(await check.Customers.ToListAsync());
    }
}
