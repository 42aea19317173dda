using CustomerService.Domain.Common;
using CustomerService.Domain.Organisation;

namespace CustomerService.Tests.Domain.Organisation;

/// <summary>SPEC C3: a reception group's name, skin colour and members with their tiers and weights.</summary>
public sealed class ReceptionGroupTests
{
    [Fact]
    public void A_new_group_keeps_its_trimmed_name_and_an_upper_case_colour()
    {
        var group = new ReceptionGroup(" 售前组 ", "#1e88e5");

        Assert.Equal(("售前组", "#1E88E5"), (group.Name, group.SkinColor));
    }

    [Theory]
    [InlineData("#1E88E5", true)]
    [InlineData("#abcdef", true)]
    [InlineData("1E88E5", false)]
    [InlineData("#1E88E", false)]
    [InlineData("#1E88E5F", false)]
    [InlineData("#GGGGGG", false)]
    [InlineData(null, false)]
    public void Skin_colour_is_a_hash_and_six_hex_digits(string? colour, bool accepted) =>
        Assert.Equal(accepted, ReceptionGroup.CheckSkinColor(colour) is null);

    [Fact]
    public void A_name_of_32_characters_is_accepted_and_33_is_too_long_and_blank_is_required()
    {
        Assert.Null(ReceptionGroup.CheckName(new string('组', 32)));
        Assert.Equal("TooLong", ReceptionGroup.CheckName(new string('组', 33))?.Code);
        Assert.Equal("Required", ReceptionGroup.CheckName(" ")?.Code);
    }

    [Fact]
    public void A_refused_rename_or_colour_keeps_the_old_values()
    {
        var group = new ReceptionGroup("售前组", "#1E88E5");

        Assert.Throws<RuleViolationException>(() => group.Rename(""));
        Assert.Throws<RuleViolationException>(() => group.ChangeSkin("red"));

        Assert.Equal(("售前组", "#1E88E5"), (group.Name, group.SkinColor));
    }

    [Theory]
    [InlineData(-1, null, "PriorityRange")]
    [InlineData(10, null, "PriorityRange")]
    [InlineData(0, 0, "WeightRange")]
    [InlineData(0, 101, "WeightRange")]
    [InlineData(0, 1, null)]
    [InlineData(9, 100, null)]
    [InlineData(0, null, null)]
    public void Members_have_a_tier_from_0_to_9_and_a_weight_from_1_to_100(int priority, int? weight, string? code) =>
        Assert.Equal(code, ReceptionGroup.CheckMembers([new MemberAssignment(1, priority, weight)])?.Code);

    [Fact]
    public void The_same_account_twice_is_refused() =>
        Assert.Equal("DuplicateMember", ReceptionGroup.CheckMembers([new(1, 0), new(1, 1)])?.Code);

    [Fact]
    public void Setting_members_adds_new_ones_changes_staying_ones_and_removes_the_rest()
    {
        var group = new ReceptionGroup("售前组", "#1E88E5");
        group.SetMembers([new(1, 0), new(2, 0, 10)]);
        var staying = group.Members.Single(m => m.AccountId == 2);

        group.SetMembers([new(2, 1, 20), new(3, 2)]);

        Assert.Equal([(2, 1, (int?)20), (3, 2, null)], group.Members.Select(m => (m.AccountId, m.Priority, m.Weight)).OrderBy(m => m.AccountId));
        Assert.Same(staying, group.Members.Single(m => m.AccountId == 2));
    }

    [Fact]
    public void Refused_members_change_nothing()
    {
        var group = new ReceptionGroup("售前组", "#1E88E5");
        group.SetMembers([new(1, 0)]);

        Assert.Throws<RuleViolationException>(() => group.SetMembers([new(2, 10)]));

        Assert.Equal([1], group.Members.Select(m => m.AccountId));
    }

    [Fact]
    public void Name_and_colour_are_reported_with_their_field_and_limit()
    {
        Assert.Equal("Required(ReceptionGroup.Name)", ReceptionGroup.CheckName(" ")?.ToString());
        Assert.Equal("TooLong(ReceptionGroup.Name, 32)", ReceptionGroup.CheckName(new string('组', 33))?.ToString());
        Assert.Equal("SkinColorFormat", ReceptionGroup.CheckSkinColor("red")?.ToString());
    }
}
