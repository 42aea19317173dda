using CustomerService.Domain.Common;
using CustomerService.Domain.Customers;

namespace CustomerService.Tests.Domain.Customers;

/// <summary>SPEC J2/J4/J6: a customer record from the CRM, an import or the API; owner changes; stars.</summary>
public sealed class CustomerRecordTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc);

    private static CustomerData Data(string? name = "张三", string? phone = "13800138000", string? email = null, string? userId = "u-1", int? star = null) =>
        new(new CustomerDetails(name, phone, email, null), userId, star);

    [Fact]
    public void A_row_with_none_of_user_id_phone_and_email_is_refused_because_nothing_identifies_it() =>
        Assert.Equal("Crm.Unidentified", Customer.Check(Data(phone: " ", email: null, userId: ""))?.ToString());

    [Theory]
    [InlineData(null, "13800138000", null)]
    [InlineData(null, null, "a@example.com")]
    [InlineData("u-1", null, null)]
    public void Any_one_of_user_id_phone_and_email_identifies_a_customer(string? userId, string? phone, string? email) =>
        Assert.Null(Customer.Check(Data(phone: phone, email: email, userId: userId)));

    [Theory]
    [InlineData(0, "Crm.StarOutOfRange(1, 5)")]
    [InlineData(6, "Crm.StarOutOfRange(1, 5)")]
    [InlineData(1, null)]
    [InlineData(5, null)]
    public void Stars_run_from_one_to_five(int star, string? expected) =>
        Assert.Equal(expected, Customer.Check(Data(star: star))?.ToString());

    [Fact]
    public void A_user_id_of_sixty_four_characters_is_accepted_and_one_more_is_too_long()
    {
        Assert.Null(Customer.Check(Data(userId: new string('u', 64))));
        Assert.Equal("TooLong(Crm.UserId, 64)", Customer.Check(Data(userId: new string('u', 65)))?.ToString());
    }

    [Fact]
    public void A_name_of_two_thousand_characters_is_too_long() =>
        Assert.Equal("TooLong(Customer.Name, 32)", Customer.Check(Data(name: new string('名', 2000)))?.ToString());

    [Fact]
    public void An_imported_customer_has_no_owner_and_records_the_importer()
    {
        var customer = Customer.Create(CustomerSource.Import, Data(star: 3), byAccountId: 1, ownerAccountId: null, Now);

        Assert.Equal(
            (CustomerSource.Import, (int?)1, (int?)null, Now, "u-1", (int?)3, (long?)null),
            (customer.Source, customer.CreatedByAccountId, customer.OwnerAccountId, customer.CreatedAt, customer.UserId, customer.Star, customer.OriginVisitorId));
    }

    [Fact]
    public void The_same_data_again_changes_nothing_not_even_the_update_time()
    {
        var customer = Customer.Create(CustomerSource.Api, Data(name: " 张三 "), null, null, Now);

        Assert.False(customer.Update(Data(name: "张三"), 9, Now.AddHours(1)));

        Assert.Equal(((int?)null, (DateTime?)null), (customer.UpdatedByAccountId, customer.UpdatedAt));
    }

    [Fact]
    public void Different_data_replaces_every_field_and_records_who_and_when()
    {
        var customer = Customer.Create(CustomerSource.Api, Data(star: 2), null, null, Now);

        Assert.True(customer.Update(Data(name: "李四", phone: null, email: "li@example.com", star: null), 9, Now.AddHours(1)));

        Assert.Equal(
            ("李四", (string?)null, "li@example.com", (int?)null, (int?)9, (DateTime?)Now.AddHours(1)),
            (customer.Name, customer.Phone, customer.Email, customer.Star, customer.UpdatedByAccountId, customer.UpdatedAt));
    }

    [Fact]
    public void Assigning_records_from_whom_to_whom_and_abandoning_releases_him()
    {
        var customer = Customer.FromConsole(42, null, new CustomerDetails("张三", null, null, null), 7, Now);

        var assigned = customer.AssignTo(8, 1, Now.AddHours(1));
        var again = customer.AssignTo(8, 1, Now.AddHours(2));
        var abandoned = customer.AssignTo(null, 8, Now.AddHours(3));

        Assert.Equal(((int?)7, (int?)8, 1, Now.AddHours(1)), (assigned!.FromAccountId, assigned.ToAccountId, assigned.ByAccountId, assigned.At));
        Assert.Null(again);
        Assert.Equal(((int?)8, (int?)null, 8), (abandoned!.FromAccountId, abandoned.ToAccountId, abandoned.ByAccountId));
        Assert.Null(customer.OwnerAccountId);
    }

    [Fact]
    public void A_star_out_of_range_is_refused_and_the_old_one_stays()
    {
        var customer = Customer.Create(CustomerSource.Crm, Data(star: 4), 1, 1, Now);

        Assert.Throws<RuleViolationException>(() => customer.Rate(6, 1, Now));

        Assert.Equal(4, customer.Star);
    }
}
