using CustomerService.Domain.Common;
using CustomerService.Domain.Organisation;

namespace CustomerService.Tests.Domain.Organisation;

/// <summary>SPEC C1 账号分组: a department's name.</summary>
public sealed class AccountGroupTests
{
    [Fact]
    public void A_group_keeps_its_trimmed_name() =>
        Assert.Equal("售前部", new AccountGroup(" 售前部 ").Name);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_name_is_required(string? name) =>
        Assert.Equal("Required(AccountGroup.Name)", AccountGroup.CheckName(name)?.ToString());

    [Fact]
    public void A_name_of_thirty_two_characters_is_accepted_and_one_more_is_too_long()
    {
        Assert.Null(AccountGroup.CheckName(" " + new string('部', 32) + " "));
        Assert.Equal("TooLong(AccountGroup.Name, 32)", AccountGroup.CheckName(new string('部', 33))?.ToString());
    }

    [Fact]
    public void A_refused_rename_keeps_the_old_name()
    {
        var group = new AccountGroup("售前部");

        Assert.Throws<RuleViolationException>(() => group.Rename(new string('部', 33)));

        Assert.Equal("售前部", group.Name);
    }

    [Fact]
    public void A_group_without_a_name_cannot_be_created() =>
        Assert.Throws<RuleViolationException>(() => new AccountGroup(" "));
}
