using CustomerService.Tests.Fakes;
using CustomerService.Web.Features.Visitors.Api;
using Microsoft.AspNetCore.DataProtection;

namespace CustomerService.Tests.Features.Visitors.Api;

/// <summary>Issue 15: the signed links the visitor's chat page shows images and files with.</summary>
public sealed class VisitorFileLinksTests
{
    private readonly TestClock _clock = new(DateTimeOffset.UtcNow);
    private readonly VisitorFileLinks _links;

    public VisitorFileLinksTests() => _links = new VisitorFileLinks(new EphemeralDataProtectionProvider(), _clock);

    [Fact]
    public void A_link_opens_its_own_file_until_it_expires_two_hours_later()
    {
        var access = AccessOf(_links.UrlFor(42));

        Assert.True(_links.Grants(access, 42));
        _clock.Advance(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1));
        Assert.True(_links.Grants(access, 42));
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.False(_links.Grants(access, 42));
    }

    [Fact]
    public void A_link_does_not_open_another_file_and_a_damaged_or_missing_one_opens_nothing()
    {
        var access = AccessOf(_links.UrlFor(42));

        Assert.False(_links.Grants(access, 43));
        Assert.False(_links.Grants(access[..^2], 42));
        Assert.False(_links.Grants("", 42));
        Assert.False(_links.Grants(null, 42));
        Assert.StartsWith("/api/files/42?access=", _links.UrlFor(42));
    }

    private static string AccessOf(string url) => url[(url.IndexOf("access=", StringComparison.Ordinal) + "access=".Length)..];
}
