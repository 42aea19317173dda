using CustomerService.Domain.Common;
using CustomerService.Domain.Phrases;

namespace CustomerService.Tests.Domain.Phrases;

/// <summary>Seed 002 “新建分组”: enterprise and personal folders of canned phrases.</summary>
public sealed class CannedPhraseGroupTests
{
    [Fact]
    public void An_enterprise_group_has_no_owner()
    {
        var group = new CannedPhraseGroup(PhraseOwner.Enterprise, " 售后 ");

        Assert.Equal((null, "售后"), (group.OwnerAccountId, group.Name));
        Assert.True(group.Owner.IsEnterprise);
    }

    [Fact]
    public void A_personal_group_belongs_to_its_account()
    {
        var group = new CannedPhraseGroup(PhraseOwner.Personal(7), "我的常用");

        Assert.Equal((int?)7, group.OwnerAccountId);
        Assert.Equal(PhraseOwner.Personal(7), group.Owner);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void A_name_is_required(string? name) =>
        Assert.Equal("Required(CannedPhraseGroup.Name)", CannedPhraseGroup.CheckName(name)?.ToString());

    [Fact]
    public void A_name_of_thirty_two_characters_is_accepted_and_one_more_is_too_long()
    {
        Assert.Null(CannedPhraseGroup.CheckName(" " + new string('组', 32) + " "));
        Assert.Equal("TooLong(CannedPhraseGroup.Name, 32)", CannedPhraseGroup.CheckName(new string('组', 33))?.ToString());
    }

    [Fact]
    public void A_refused_rename_keeps_the_old_name()
    {
        var group = new CannedPhraseGroup(PhraseOwner.Enterprise, "售后");

        Assert.Throws<RuleViolationException>(() => group.Rename(""));

        Assert.Equal("售后", group.Name);
    }

    [Fact]
    public void Renaming_trims_the_new_name()
    {
        var group = new CannedPhraseGroup(PhraseOwner.Enterprise, "售后");

        group.Rename(" 售后常用 ");

        Assert.Equal("售后常用", group.Name);
    }
}
