using CustomerService.Domain.Common;
using CustomerService.Domain.Customers;

namespace CustomerService.Tests.Domain.Customers;

/// <summary>SPEC F7 客户信息: what an agent may record about a visitor, and who changed it last.</summary>
public sealed class CustomerTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void A_customer_filed_from_the_console_is_created_and_owned_by_the_agent_and_remembers_the_visitor()
    {
        var customer = Customer.FromConsole(42, "u-42", new CustomerDetails("张三", null, null, null), 7, Now);

        Assert.Equal(
            ((long?)42, "u-42", CustomerSource.Console, (int?)7, (int?)7, Now, (int?)null),
            (customer.OriginVisitorId, customer.UserId, customer.Source, customer.CreatedByAccountId, customer.OwnerAccountId, customer.CreatedAt, customer.Star));
    }

    [Fact]
    public void Changing_stores_trimmed_details_and_who_changed_them_when()
    {
        var profile = Customer.FromConsole(42, null, new CustomerDetails(null, null, null, null), 1, Now.AddDays(-1));

        profile.Change(new CustomerDetails(" 张三 ", " 138 0013 8000 ", "zhang@example.com", " 老客户，喜欢黑色 "), 7, Now);

        Assert.Equal(
            ("张三", "138 0013 8000", "zhang@example.com", "老客户，喜欢黑色", (int?)7, (DateTime?)Now),
            (profile.Name, profile.Phone, profile.Email, profile.Notes, profile.UpdatedByAccountId, profile.UpdatedAt));
    }

    [Fact]
    public void Blank_details_are_stored_as_unknown()
    {
        var profile = Customer.FromConsole(42, null, new CustomerDetails(null, null, null, null), 1, Now.AddDays(-1));
        profile.Change(new CustomerDetails("张三", "13800138000", "zhang@example.com", "备注"), 7, Now);

        profile.Change(new CustomerDetails(" ", "", null, "\n"), 8, Now.AddHours(1));

        Assert.Equal((null, null, null, null), (profile.Name, profile.Phone, profile.Email, profile.Notes));
        Assert.Equal(((int?)8, (DateTime?)Now.AddHours(1)), (profile.UpdatedByAccountId, profile.UpdatedAt));
    }

    [Fact]
    public void A_name_of_thirty_two_characters_is_accepted_and_one_more_is_too_long()
    {
        Assert.Null(Customer.Check(new CustomerDetails(" " + new string('张', 32) + " ", null, null, null)));
        Assert.Equal("TooLong(Customer.Name, 32)", Customer.Check(new CustomerDetails(new string('张', 33), null, null, null))?.ToString());
    }

    [Fact]
    public void Notes_of_one_thousand_characters_are_accepted_and_one_more_is_too_long()
    {
        Assert.Null(Customer.Check(new CustomerDetails(null, null, null, new string('记', 1000))));
        Assert.Equal("TooLong(Customer.Notes, 1000)", Customer.Check(new CustomerDetails(null, null, null, new string('记', 1001)))?.ToString());
    }

    [Theory]
    [InlineData("abc", null, "PhoneFormat")]
    [InlineData(null, "zhang@", "EmailFormat")]
    [InlineData(null, "not an address", "EmailFormat")]
    public void Phone_and_email_must_look_like_a_phone_number_and_an_address(string? phone, string? email, string expected) =>
        Assert.Equal(expected, Customer.Check(new CustomerDetails("张三", phone, email, null))?.ToString());

    [Fact]
    public void A_refused_change_keeps_the_old_details_and_author()
    {
        var profile = Customer.FromConsole(42, null, new CustomerDetails(null, null, null, null), 1, Now.AddDays(-1));
        profile.Change(new CustomerDetails("张三", "13800138000", null, null), 7, Now);

        Assert.Throws<RuleViolationException>(() => profile.Change(new CustomerDetails("李四", "call me", null, null), 8, Now.AddHours(1)));

        Assert.Equal(("张三", "13800138000", (int?)7, (DateTime?)Now), (profile.Name, profile.Phone, profile.UpdatedByAccountId, profile.UpdatedAt));
    }
}
