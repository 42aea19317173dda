using System.Globalization;
using System.Text;
using CustomerService.Domain.Records;
using CustomerService.Domain.Reporting;
using CustomerService.Web.Infrastructure;

namespace CustomerService.Web.Features.Records;

/// <summary>
/// The address of a records list as a KPI figure drills down to it (SPEC I2, issue 11):
/// <c>/records?from=&amp;to=&amp;list=</c> and the filters a figure can carry — <c>agent</c>, <c>accountGroup</c>,
/// <c>rating</c>, <c>solved</c>. Written here and read here, so the link and the page cannot disagree on a name.
/// None of it is trusted: the page still applies the account's records scope and the filter's own checks.
/// </summary>
public static class RecordListAddress
{
    /// <summary>The list with the drill-down filters of <paramref name="filter"/>; its other filters are not part of such a link.</summary>
    public static string For(ReportPeriod period, RecordList list, RecordFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var link = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"/records?from={period.From:yyyy-MM-dd}&to={period.To:yyyy-MM-dd}&list={list}"));
        if (filter.AgentId is { } agent)
        {
            link.Append(CultureInfo.InvariantCulture, $"&agent={agent}");
        }

        if (filter.AccountGroupId is { } group)
        {
            link.Append(CultureInfo.InvariantCulture, $"&accountGroup={group}");
        }

        if (filter.Rating is { } rating)
        {
            link.Append("&rating=").Append(rating.ToString());
        }

        if (filter.ProblemSolved is { } solved)
        {
            link.Append("&solved=").Append(solved ? "true" : "false");
        }

        return link.ToString();
    }

    /// <summary>The page of <see cref="AbandonedRequestList"/> (放弃排队), which is no list of consultations.</summary>
    public const string QueueAbandonedPath = "/records/abandoned";

    /// <summary>
    /// 放弃排队 of the period, of one reception group or all: what 排队分析's 放弃 figure drills down to
    /// (<c>receptionGroup=</c>, as <c>/kpi/queue</c> names it).
    /// </summary>
    public static string QueueAbandoned(ReportPeriod period, int? receptionGroupId) =>
        string.Create(CultureInfo.InvariantCulture, $"{QueueAbandonedPath}?from={period.From:yyyy-MM-dd}&to={period.To:yyyy-MM-dd}")
        + (receptionGroupId is { } group ? string.Create(CultureInfo.InvariantCulture, $"&receptionGroup={group}") : string.Empty);

    /// <summary>The reception group a 放弃排队 link names; <c>Unreadable</c> when it is no id (then all groups are listed and the page says so).</summary>
    public static (int? ReceptionGroupId, bool Unreadable) ReadReceptionGroup(string? receptionGroup) =>
        receptionGroup is null ? (null, false)
        : int.TryParse(receptionGroup, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? (id, false)
        : (null, true);

    /// <summary>
    /// The filter a drill-down link names. <c>Unreadable</c> when a rating or solved value is not one this address
    /// writes: that part is left out (the list shows more, never a different filter) and the page says so.
    /// </summary>
    public static (RecordFilter Filter, bool Unreadable) Read(int? agent, int? accountGroup, string? rating, string? solved)
    {
        var (level, unreadable) = LinkValue.Named<RatingFilter>(rating);

        bool? problemSolved = solved switch
        {
            null => null,
            "true" => true,
            "false" => false,
            _ => null,
        };
        unreadable |= solved is not null && problemSolved is null;
        return (new RecordFilter { AgentId = agent, AccountGroupId = accountGroup, Rating = level, ProblemSolved = problemSolved }, unreadable);
    }
}
