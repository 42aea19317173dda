using System.Text.RegularExpressions;

namespace CustomerService.Domain.Visitors;

public enum BrowserKind
{
    Other,
    Chrome,
    Edge,
    Firefox,
    Safari,
    InternetExplorer,

    /// <summary>WeChat's built-in browser (微信内置浏览器), also WeCom and mini-program web views.</summary>
    WeChat,
    QQBrowser,
    UCBrowser,

    /// <summary>360 安全/极速浏览器; desktop 360 often sends a plain Chrome string and is then reported as Chrome.</summary>
    Browser360,
}

public enum OperatingSystemKind
{
    Other,
    Windows,
    MacOS,
    IOS,
    Android,
    Linux,
    HarmonyOS,
}

/// <summary>终端 (SPEC E3): the seeds' four kinds; whatever is not recognised as mobile counts as PC.</summary>
public enum Terminal
{
    PC,
    MobileWeb,
    WeChat,
    App,
}

/// <summary>
/// Browser, operating system and terminal of a visitor, read from the User-Agent header (SPEC E3). Hand-written and
/// table-driven: the first row whose token appears wins, so the more specific browsers (WeChat, QQ, UC, 360, Edge)
/// come before the engines they are built on (Chrome, Safari), and iOS / Android / HarmonyOS before the desktop systems
/// their strings also mention (“like Mac OS X”, “Linux”).
/// </summary>
public sealed partial record UserAgentInfo(BrowserKind Browser, string? BrowserVersion, OperatingSystemKind OperatingSystem, Terminal Terminal)
{
    /// <summary>The token the merchant's own app adds to its web view's User-Agent unless configured otherwise.</summary>
    public const string DefaultAppMarker = "CustomerServiceApp";

    // Real strings are under 500 characters; longer ones are cut so the scan stays cheap.
    private const int MaxLength = 1024;

    private static readonly (BrowserKind Browser, Regex Token)[] Browsers =
    [
        (BrowserKind.WeChat, WeChatToken()),
        (BrowserKind.QQBrowser, QQBrowserToken()),
        (BrowserKind.UCBrowser, UCToken()),
        (BrowserKind.Browser360, Browser360Token()),
        (BrowserKind.Edge, EdgeToken()),
        (BrowserKind.InternetExplorer, InternetExplorerToken()),
        (BrowserKind.Firefox, FirefoxToken()),
        (BrowserKind.Chrome, ChromeToken()),
        (BrowserKind.Safari, SafariToken()),
    ];

    private static readonly (OperatingSystemKind System, string[] Tokens)[] Systems =
    [
        (OperatingSystemKind.HarmonyOS, ["HarmonyOS", "OpenHarmony"]),
        (OperatingSystemKind.IOS, ["iPhone", "iPad", "iPod"]),
        (OperatingSystemKind.Android, ["Android"]),
        (OperatingSystemKind.Windows, ["Windows"]),
        (OperatingSystemKind.MacOS, ["Macintosh", "Mac OS X"]),
        (OperatingSystemKind.Linux, ["Linux", "X11"]),
    ];

    public static UserAgentInfo Unknown { get; } = new(BrowserKind.Other, null, OperatingSystemKind.Other, Terminal.PC);

    /// <param name="userAgent">The User-Agent header.</param>
    /// <param name="appMarker">
    /// The token that identifies the merchant's app (终端 “App”); compared case-insensitively. Blank disables App detection.
    /// </param>
    public static UserAgentInfo Parse(string? userAgent, string? appMarker = DefaultAppMarker)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return Unknown;
        }

        var ua = userAgent.Length <= MaxLength ? userAgent : userAgent[..MaxLength];

        var (browser, version) = (BrowserKind.Other, (string?)null);
        foreach (var (kind, token) in Browsers)
        {
            if (token.Match(ua) is { Success: true } match)
            {
                (browser, version) = (kind, match.Groups["v"] is { Success: true } v ? v.Value : null);
                break;
            }
        }

        var system = Systems.FirstOrDefault(s => s.Tokens.Any(t => ua.Contains(t, StringComparison.OrdinalIgnoreCase))).System;

        var terminal =
            !string.IsNullOrWhiteSpace(appMarker) && ua.Contains(appMarker, StringComparison.OrdinalIgnoreCase) ? Terminal.App
            : browser == BrowserKind.WeChat ? Terminal.WeChat
            : system is OperatingSystemKind.IOS or OperatingSystemKind.Android or OperatingSystemKind.HarmonyOS
                || ua.Contains("Mobile", StringComparison.Ordinal) ? Terminal.MobileWeb
            : Terminal.PC;

        return new(browser, version, system, terminal);
    }

    // Versions: the major (and minor where browsers publish one that matters) number after the token.
    [GeneratedRegex(@"MicroMessenger/(?<v>\d+(\.\d+)?)", RegexOptions.IgnoreCase)]
    private static partial Regex WeChatToken();

    [GeneratedRegex(@"M?QQBrowser/(?<v>\d+(\.\d+)?)", RegexOptions.IgnoreCase)]
    private static partial Regex QQBrowserToken();

    [GeneratedRegex(@"UCBrowser/(?<v>\d+(\.\d+)?)|UCWEB", RegexOptions.IgnoreCase)]
    private static partial Regex UCToken();

    [GeneratedRegex(@"QihooBrowser/(?<v>\d+(\.\d+)?)|QHBrowser|360SE|360EE|360Browser|\b360 (Aphone|Ipad|Iphone) Browser", RegexOptions.IgnoreCase)]
    private static partial Regex Browser360Token();

    [GeneratedRegex(@"Edg(e|A|iOS)?/(?<v>\d+(\.\d+)?)")]
    private static partial Regex EdgeToken();

    [GeneratedRegex(@"MSIE (?<v>\d+(\.\d+)?)|Trident/.*\brv:(?<v>\d+(\.\d+)?)")]
    private static partial Regex InternetExplorerToken();

    [GeneratedRegex(@"(Firefox|FxiOS)/(?<v>\d+(\.\d+)?)")]
    private static partial Regex FirefoxToken();

    [GeneratedRegex(@"(Chrome|CriOS)/(?<v>\d+(\.\d+)?)")]
    private static partial Regex ChromeToken();

    [GeneratedRegex(@"Version/(?<v>\d+(\.\d+)?)(\.\d+)*( Mobile/\w+)? Safari/|Safari/")]
    private static partial Regex SafariToken();
}
