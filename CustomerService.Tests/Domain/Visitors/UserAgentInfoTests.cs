using CustomerService.Domain.Visitors;

namespace CustomerService.Tests.Domain.Visitors;

/// <summary>SPEC E3 browser / OS / terminal, against User-Agent strings real browsers send.</summary>
public sealed class UserAgentInfoTests
{
    public static TheoryData<string, BrowserKind, string?, OperatingSystemKind, Terminal> RealUserAgents => new()
    {
        {
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
            BrowserKind.Chrome, "124.0", OperatingSystemKind.Windows, Terminal.PC
        },
        {
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.51",
            BrowserKind.Edge, "124.0", OperatingSystemKind.Windows, Terminal.PC
        },
        {
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:125.0) Gecko/20100101 Firefox/125.0",
            BrowserKind.Firefox, "125.0", OperatingSystemKind.MacOS, Terminal.PC
        },
        {
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15",
            BrowserKind.Safari, "17.4", OperatingSystemKind.MacOS, Terminal.PC
        },
        {
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Mobile/15E148 Safari/604.1",
            BrowserKind.Safari, "17.4", OperatingSystemKind.IOS, Terminal.MobileWeb
        },
        {
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/124.0.6367.88 Mobile/15E148 Safari/604.1",
            BrowserKind.Chrome, "124.0", OperatingSystemKind.IOS, Terminal.MobileWeb
        },
        {
            "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko",
            BrowserKind.InternetExplorer, "11.0", OperatingSystemKind.Windows, Terminal.PC
        },
        {
            "Mozilla/5.0 (compatible; MSIE 9.0; Windows NT 6.1; Trident/5.0)",
            BrowserKind.InternetExplorer, "9.0", OperatingSystemKind.Windows, Terminal.PC
        },
        {
            "Mozilla/5.0 (Linux; Android 13; V2148A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64",
            BrowserKind.WeChat, "8.0", OperatingSystemKind.Android, Terminal.WeChat
        },
        {
            "Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.40(0x1800282a) NetType/WIFI Language/zh_CN",
            BrowserKind.WeChat, "8.0", OperatingSystemKind.IOS, Terminal.WeChat
        },
        {
            "Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/81.0.4044.138 Safari/537.36 NetType/WIFI MicroMessenger/7.0.20.1781(0x6700143B) WindowsWechat(0x63090a13) XWEB/8555 Flue",
            BrowserKind.WeChat, "7.0", OperatingSystemKind.Windows, Terminal.WeChat
        },
        {
            "Mozilla/5.0 (Linux; U; Android 12; zh-cn; PEHM00 Build/SKQ1.210216.001) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/109.0.5414.86 MQQBrowser/14.2 Mobile Safari/537.36",
            BrowserKind.QQBrowser, "14.2", OperatingSystemKind.Android, Terminal.MobileWeb
        },
        {
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/94.0.4606.71 Safari/537.36 Core/1.94.202.400 QQBrowser/11.9.5355.400",
            BrowserKind.QQBrowser, "11.9", OperatingSystemKind.Windows, Terminal.PC
        },
        {
            "Mozilla/5.0 (Linux; U; Android 11; zh-CN; M2012K11AC Build/RKQ1.200826.002) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/100.0.4896.58 UCBrowser/15.5.2.1252 Mobile Safari/537.36",
            BrowserKind.UCBrowser, "15.5", OperatingSystemKind.Android, Terminal.MobileWeb
        },
        {
            "Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/108.0.5359.95 Safari/537.36 QIHU 360SE",
            BrowserKind.Browser360, null, OperatingSystemKind.Windows, Terminal.PC
        },
        {
            "Mozilla/5.0 (Linux; Android 9; PAR-AL00 Build/HUAWEIPAR-AL00; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/63.0.3239.83 Mobile Safari/537.36 360 Aphone Browser (9.0.0)",
            BrowserKind.Browser360, null, OperatingSystemKind.Android, Terminal.MobileWeb
        },
        {
            "Mozilla/5.0 (Linux; Android 10; HarmonyOS; NOH-AN00; HMSCore 6.11.0.302) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/99.0.4844.88 HuaweiBrowser/14.0.0.322 Mobile Safari/537.36",
            BrowserKind.Chrome, "99.0", OperatingSystemKind.HarmonyOS, Terminal.MobileWeb
        },
        {
            "Mozilla/5.0 (Phone; OpenHarmony 4.1) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.0.0 Safari/537.36 ArkWeb/4.1.6.1 Mobile HuaweiBrowser/5.0.4.300",
            BrowserKind.Chrome, "114.0", OperatingSystemKind.HarmonyOS, Terminal.MobileWeb
        },
        {
            "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36 EdgA/124.0.2478.64",
            BrowserKind.Edge, "124.0", OperatingSystemKind.Android, Terminal.MobileWeb
        },
        {
            "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
            BrowserKind.Firefox, "125.0", OperatingSystemKind.Linux, Terminal.PC
        },
    };

    [Theory]
    [MemberData(nameof(RealUserAgents))]
    public void Real_user_agent_strings_are_recognised(
        string userAgent, BrowserKind browser, string? version, OperatingSystemKind system, Terminal terminal)
    {
        var info = UserAgentInfo.Parse(userAgent);

        Assert.Equal(new UserAgentInfo(browser, version, system, terminal), info);
    }

    [Fact]
    public void App_web_view_carrying_the_default_marker_is_the_app_terminal()
    {
        var info = UserAgentInfo.Parse(
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 CustomerServiceApp/2.1");

        Assert.Equal(Terminal.App, info.Terminal);
        Assert.Equal(OperatingSystemKind.IOS, info.OperatingSystem);
    }

    [Fact]
    public void App_marker_is_configurable()
    {
        const string ua = "Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36 ShopApp/5.0";

        Assert.Equal(Terminal.App, UserAgentInfo.Parse(ua, appMarker: "ShopApp").Terminal);
        Assert.Equal(Terminal.MobileWeb, UserAgentInfo.Parse(ua).Terminal);
    }

    [Fact]
    public void App_marker_wins_over_wechat_for_the_merchants_app_embedding_wechat_components()
    {
        var info = UserAgentInfo.Parse("Mozilla/5.0 (Linux; Android 13) MicroMessenger/8.0.47 CustomerServiceApp/1.0");

        Assert.Equal(Terminal.App, info.Terminal);
        Assert.Equal(BrowserKind.WeChat, info.Browser);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("curl/8.5.0")]
    public void Unknown_or_missing_user_agent_is_other_on_pc(string? userAgent)
    {
        var info = UserAgentInfo.Parse(userAgent);

        Assert.Equal(BrowserKind.Other, info.Browser);
        Assert.Equal(OperatingSystemKind.Other, info.OperatingSystem);
        Assert.Equal(Terminal.PC, info.Terminal);
    }

    [Fact]
    public void Overlong_user_agent_is_parsed_from_its_beginning()
    {
        var info = UserAgentInfo.Parse("Mozilla/5.0 (Windows NT 10.0) Firefox/125.0 " + new string('x', 100_000));

        Assert.Equal(BrowserKind.Firefox, info.Browser);
    }

    [Fact]
    public void An_android_tablet_without_the_mobile_token_is_still_mobile_web()
    {
        var info = UserAgentInfo.Parse(
            "Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36");

        Assert.Equal((OperatingSystemKind.Android, Terminal.MobileWeb), (info.OperatingSystem, info.Terminal));
    }
}
