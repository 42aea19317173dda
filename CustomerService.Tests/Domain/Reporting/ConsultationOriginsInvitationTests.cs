using CustomerService.Domain.Reporting;
using CustomerService.Domain.Visitors;

namespace CustomerService.Tests.Domain.Reporting;

/// <summary>
/// 来源 「主动邀请」 (SPEC D13): a consultation started by an accepted invitation counts under that source, worked out by hand.
/// </summary>
public sealed class ConsultationOriginsInvitationTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static DateTime Utc(int hour, int minute) => new(2026, 1, 5, hour, minute, 0, DateTimeKind.Utc);

    /// <summary>
    /// Visitor 1 came from a Baidu search for 沙发 at 01:00 and was invited: c1 at 01:10 is 主动邀请 (keyword 沙发 still
    /// counts). Visitor 2 came from a Baidu search at 02:00 and asked himself at 02:05: c2 is 百度. Visitor 3 has no page
    /// view and was invited at 03:00: c3 is 主动邀请, not 直接访问. Visitor 4 asked by himself with no page view: c4 is 直接访问.
    /// So: 主动邀请 2, 百度 1, 直接访问 1 — four consultations, four sources counted once each.
    /// </summary>
    [Fact]
    public void Invited_consultations_count_under_the_invitation_source_whatever_brought_the_visitor()
    {
        OriginConsultation[] consultations =
        [
            new(1, 1, Utc(1, 10), "/p/1", null, Valid: true, Invited: true),
            new(2, 2, Utc(2, 5), "/p/2", null, Valid: true),
            new(3, 3, Utc(3, 0), "/p/3", null, Valid: false, Invited: true),
            new(4, 4, Utc(4, 0), "/p/4", null, Valid: true),
        ];
        OriginPageView[] views =
        [
            new(1, Utc(1, 0), TrafficSourceKind.SearchEngine, SearchEngine.Baidu, "沙发", null, Terminal.PC, null),
            new(2, Utc(2, 0), TrafficSourceKind.SearchEngine, SearchEngine.Baidu, "桌子", null, Terminal.PC, null),
        ];

        var figures = ConsultationOrigins.Analyze(consultations, views, TimeSpan.FromDays(7), Shanghai);

        Assert.Equal(
            [new OriginCount("Invitation", 2), new OriginCount("Direct", 1), new OriginCount("SearchEngine.Baidu", 1)],
            figures.Sources);
        Assert.Equal([new OriginCount("桌子", 1), new OriginCount("沙发", 1)], figures.Keywords);
    }
}
