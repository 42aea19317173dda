using CustomerService.Domain.Notifications;

namespace CustomerService.Tests.Domain.Notifications;

/// <summary>SPEC F10: a notice reaches the enabled accounts of its scope, and a scope reaching nobody is refused.</summary>
public sealed class NoticeAudienceTests
{
    private const int Presale = 10;
    private const int Aftersale = 20;
    private const int Empty = 30;

    private static readonly NoticeCandidate[] Accounts =
    [
        new(1, Presale, IsEnabled: true),
        new(2, Presale, IsEnabled: true),
        new(3, Aftersale, IsEnabled: true),
        new(4, Presale, IsEnabled: false),
    ];

    [Fact]
    public void Everyone_means_every_enabled_account()
    {
        Assert.Equal([1, 2, 3], NoticeAudience.Resolve(NoticeTarget.Everyone, Accounts).Value);
    }

    [Fact]
    public void A_group_means_its_enabled_accounts()
    {
        Assert.Equal([1, 2], NoticeAudience.Resolve(NoticeTarget.Group(Presale), Accounts).Value);
    }

    [Fact]
    public void A_person_means_that_account()
    {
        Assert.Equal([3], NoticeAudience.Resolve(NoticeTarget.Person(3), Accounts).Value);
    }

    [Fact]
    public void A_group_without_accounts_has_no_recipients()
    {
        Assert.Equal("NoticeNoRecipients", NoticeAudience.Resolve(NoticeTarget.Group(Empty), Accounts).Violation?.Code);
    }

    [Fact]
    public void A_disabled_person_has_no_recipients()
    {
        Assert.Equal("NoticeNoRecipients", NoticeAudience.Resolve(NoticeTarget.Person(4), Accounts).Violation?.Code);
    }

    [Theory]
    [InlineData(NoticeScope.AccountGroup)]
    [InlineData(NoticeScope.Account)]
    public void A_group_or_person_scope_needs_its_target(NoticeScope scope)
    {
        Assert.Equal("NoticeTargetRequired", NoticeAudience.Resolve(new NoticeTarget(scope), Accounts).Violation?.Code);
    }

    [Fact]
    public void No_target_or_no_account_list_is_a_programming_error()
    {
        Assert.Throws<ArgumentNullException>(() => NoticeAudience.Resolve(null!, Accounts));
        Assert.Equal("accounts", Assert.Throws<ArgumentNullException>(() => NoticeAudience.Resolve(NoticeTarget.Everyone, null!)).ParamName);
    }
}
