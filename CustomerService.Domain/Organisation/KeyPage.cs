using System.Text.RegularExpressions;
using CustomerService.Domain.Common;

namespace CustomerService.Domain.Organisation;

/// <summary>Page types of the merchant's site that reports and routing care about (seed 002 “五、关键页面”).</summary>
public enum KeyPageType
{
    Home = 0,
    List = 1,
    Product = 2,
    Cart = 3,
    OrderFill = 4,
    OrderSuccess = 5,
    Payment = 6,
    Other = 7,
}

/// <summary>关键页面: a named URL pattern with a page type, matched against visited URLs (SPEC K, E3).</summary>
public class KeyPage : IAudited
{
    public const int NameMaxLength = 32;
    public const int PatternMaxLength = 500;

    // Patterns come from admins and run against every tracked page view: bound their cost.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private KeyPage()
    {
        Name = UrlPattern = string.Empty;
    }

    public KeyPage(string name, string urlPattern, KeyPageType pageType)
    {
        Name = UrlPattern = string.Empty;
        Change(name, urlPattern, pageType);
    }

    public int Id { get; private set; }
    public string Name { get; private set; }
    public string UrlPattern { get; private set; }
    public KeyPageType PageType { get; private set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Starting a consultation from these pages makes the visitor VIP for queueing (SPEC D2.7).</summary>
    public static bool MakesVisitorVip(KeyPageType type) =>
        type is KeyPageType.Cart or KeyPageType.OrderFill or KeyPageType.OrderSuccess;

    public static RuleViolation? Check(string? name, string? urlPattern)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return new RuleViolation("Required", "KeyPage.Name");
        }

        if (name.Trim().Length > NameMaxLength)
        {
            return new RuleViolation("TooLong", "KeyPage.Name", NameMaxLength);
        }

        if (string.IsNullOrWhiteSpace(urlPattern))
        {
            return new RuleViolation("Required", "KeyPage.UrlPattern");
        }

        if (urlPattern.Length > PatternMaxLength)
        {
            return new RuleViolation("TooLong", "KeyPage.UrlPattern", PatternMaxLength);
        }

        try
        {
            _ = new Regex(urlPattern, RegexOptions.None, MatchTimeout);
            return null;
        }
        catch (ArgumentException ex)
        {
            return new RuleViolation("InvalidRegex", ex.Message);
        }
    }

    public void Change(string name, string urlPattern, KeyPageType pageType)
    {
        RuleViolationException.ThrowIf(Check(name, urlPattern));
        Name = name.Trim();
        UrlPattern = urlPattern;
        PageType = pageType;
    }

    public bool Matches(string url)
    {
        try
        {
            return Regex.IsMatch(url, UrlPattern, RegexOptions.IgnoreCase, MatchTimeout);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
