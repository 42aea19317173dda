using CustomerService.Domain.Organisation;

namespace CustomerService.Domain.Visitors;

/// <summary>
/// Which 关键页面 a visited URL is (SPEC E3 key-page type; D2.7 VIP from cart / order pages). Pages are tried in the
/// order given, so the caller decides precedence (the settings list orders by id: the oldest rule wins). Each pattern
/// runs with <see cref="KeyPage"/>'s match timeout; a pattern that times out counts as not matching, so one bad rule
/// cannot stall tracking or hide the rules after it.
/// </summary>
public static class KeyPageMatcher
{
    public static KeyPage? FindFirst(IEnumerable<KeyPage> keyPages, string? url)
    {
        ArgumentNullException.ThrowIfNull(keyPages);
        return string.IsNullOrWhiteSpace(url) ? null : keyPages.FirstOrDefault(page => page.Matches(url));
    }

    public static KeyPageType? Match(IEnumerable<KeyPage> keyPages, string? url) => FindFirst(keyPages, url)?.PageType;

    /// <summary>True when starting a consultation from <paramref name="url"/> makes the visitor VIP (SPEC D2.7).</summary>
    public static bool MakesVisitorVip(IEnumerable<KeyPage> keyPages, string? url) =>
        Match(keyPages, url) is { } type && KeyPage.MakesVisitorVip(type);
}
