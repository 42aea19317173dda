using System.Globalization;
using CustomerService.Domain.Conversations;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Infrastructure;
using CustomerService.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CustomerService.Web.Features.Console;

/// <summary>How the console writes names, clocks and notices, in the agent's language and the enterprise's time zone.</summary>
public static class ConsoleFormat
{
    /// <summary>The visitor's name, or “访客 #id” for an anonymous one (seed 002 用户名 “客人XX”).</summary>
    public static string VisitorName(IStringLocalizer<UiText> text, string? name, long visitorId) =>
        string.IsNullOrWhiteSpace(name) ? text["Console.VisitorFallback", visitorId] : name;

    public static string VisitorName(IStringLocalizer<UiText> text, ConversationTile tile) => VisitorName(text, tile.VisitorName, tile.VisitorId);

    /// <summary>A running clock: <c>m:ss</c>, or <c>h:mm:ss</c> past an hour.</summary>
    public static string Clock(TimeSpan elapsed)
    {
        if (elapsed < TimeSpan.Zero)
        {
            elapsed = TimeSpan.Zero;
        }

        return elapsed.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalHours}:{elapsed.Minutes:00}:{elapsed.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{elapsed.Minutes}:{elapsed.Seconds:00}");
    }

    /// <summary>A day's total on the stats strip: <c>h:mm:ss</c>.</summary>
    public static string Total(TimeSpan total) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)total.TotalHours}:{total.Minutes:00}:{total.Seconds:00}");

    /// <summary>A length of time in words: “1小时05分”, or “3分07秒” under an hour.</summary>
    public static string Duration(IStringLocalizer<UiText> text, TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            duration = TimeSpan.Zero;
        }

        return duration.TotalHours >= 1
            ? text["Console.DurationHm", (int)duration.TotalHours, duration.Minutes.ToString("00", CultureInfo.InvariantCulture)]
            : text["Console.DurationMs", duration.Minutes, duration.Seconds.ToString("00", CultureInfo.InvariantCulture)];
    }

    /// <summary>A time on the enterprise's clock: <c>HH:mm:ss</c> today, with the date otherwise.</summary>
    public static string Time(DateTime utc, DateTime nowUtc, TimeZoneInfo zone, bool seconds = true)
    {
        var local = EnterpriseClock.ToLocal(utc, zone);
        var today = EnterpriseClock.ToLocal(nowUtc, zone).Date;
        var clock = seconds ? "HH:mm:ss" : "HH:mm";
        return local.ToString(local.Date == today ? clock : "MM-dd " + clock, CultureInfo.InvariantCulture);
    }

    /// <summary>A notice message in the reader's language (<c>Notice.{Code}</c> with its argument; an end with its reason).</summary>
    public static string Notice(IStringLocalizer<UiText> text, MessageView message)
    {
        var code = message.Notice ?? string.Empty;
        var notice = text[$"Notice.{code}", message.Text];
        if (notice.ResourceNotFound)
        {
            return message.Text;
        }

        string? detail = code switch
        {
            NoticeCode.Ended when Enum.TryParse<EndReason>(message.Text, out var reason) => text[$"EndReason.{reason}"].Value,
            NoticeCode.Rated when int.TryParse(message.Text, CultureInfo.InvariantCulture, out var level) && Enum.IsDefined((EvaluationLevel)level)
                => text[$"EvaluationLevel.{(EvaluationLevel)level}"].Value,
            _ => null,
        };
        return detail is null ? notice.Value : text["Console.NoticeWithReason", notice.Value, detail];
    }

    /// <summary>The <c>data-sender</c> of SPEC N3: visitor, agent or system.</summary>
    public static string SenderKey(MessageSender sender) => sender switch
    {
        MessageSender.Visitor => "visitor",
        MessageSender.Agent => "agent",
        MessageSender.System => "system",
    };

    /// <summary>Who wrote a message, as the transcript shows it.</summary>
    public static string Author(IStringLocalizer<UiText> text, MessageView message, string visitorName, int myAgentId) => message.Sender switch
    {
        MessageSender.Visitor => visitorName,
        MessageSender.Agent when message.AgentId == myAgentId => $"{message.SenderName} ({text["Console.Me"]})",
        MessageSender.Agent => message.SenderName ?? string.Empty,
        MessageSender.System => text["Console.AutoReply"],
    };

    /// <summary>A message's text; an image or a file by its name (SPEC D6).</summary>
    public static string Body(IStringLocalizer<UiText> text, MessageView message) => message.Kind switch
    {
        MessageKind.Image => text["Console.Image", message.FileName ?? message.Text],
        MessageKind.File => text["Console.File", message.FileName ?? message.Text],
        MessageKind.Text => message.Text,
        MessageKind.Notice => Notice(text, message),
    };

    /// <summary>What an offer to me says (SPEC D4): who offers which visitor, to me or to my group.</summary>
    public static string Offer(IStringLocalizer<UiText> text, TransferOffer offer)
    {
        var visitor = VisitorName(text, offer.VisitorName, offer.VisitorId);
        var from = offer.Transfer.FromAgentName;
        return (offer.Transfer.Kind, offer.GroupName) switch
        {
            (TransferKind.Transfer, null) => text["Console.OfferTransfer", from, visitor],
            (TransferKind.Transfer, { } group) => text["Console.OfferTransferGroup", from, visitor, group],
            (TransferKind.Invite, null) => text["Console.OfferInvite", from, visitor],
            (TransferKind.Invite, { } group) => text["Console.OfferInviteGroup", from, visitor, group],
        };
    }

    /// <summary>来源 (SPEC E3): the search engine and keyword, the referring site, or direct.</summary>
    public static string Source(IStringLocalizer<UiText> text, Domain.Visitors.TrafficSource source) => source.Kind switch
    {
        Domain.Visitors.TrafficSourceKind.SearchEngine => source.Keyword is { Length: > 0 } keyword
            ? text["Console.SourceSearchKeyword", text[$"SearchEngine.{source.Engine}"], keyword]
            : text[$"SearchEngine.{source.Engine}"],
        Domain.Visitors.TrafficSourceKind.Referral => text["Console.SourceReferral", source.ReferrerHost ?? string.Empty],
        _ => text["Console.InfoDirect"],
    };

    /// <summary>地域 (SPEC E3): as resolved, 局域网 in the reader's language, 未知 when nothing is known.</summary>
    public static string Region(IStringLocalizer<UiText> text, string? region) => region switch
    {
        null => text["Console.InfoUnknownRegion"],
        Visitors.Geo.RegionNames.LocalNetwork => text["Console.InfoLocalNetworkRegion"],
        _ => region,
    };
}
