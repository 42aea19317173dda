using CustomerService.Domain.Conversations;
using CustomerService.Domain.Reporting;
using static CustomerService.Tests.Builders.ReportSamples;

namespace CustomerService.Tests.Domain.Reporting;

/// <summary>Local hours of <see cref="DailyRollup"/> in zones with daylight saving and with odd offsets.</summary>
public sealed class DailyRollupTimeZoneTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public void Berlin_spring_forward_day_has_23_hours_and_no_two_oclock()
    {
        // 2026-03-29: 02:00 CET jumps to 03:00 CEST. The local day is 2026-03-28 23:00Z – 2026-03-29 22:00Z.
        var day = new DateOnly(2026, 3, 29);
        var facts = new ReportFacts
        {
            Statuses = [new(7, AgentStatus.Online, Utc(3, 28, 20), Utc(3, 30, 0))],
            Consultations = [Consultation(1, 7, 1, Utc(3, 29, 0, 59, 59)), Consultation(2, 7, 1, Utc(3, 29, 1))],
        };

        var rows = DailyRollup.Roll(day, Berlin, facts, Utc(3, 30, 0));

        var status = rows.Where(r => r.ReceptionGroupId is null).ToList();
        Assert.Equal([0, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23], status.Select(r => r.Hour));
        Assert.All(status, r => Assert.Equal(3_600_000, r.OnlineMilliseconds));
        // 00:59:59Z is 01:59:59 CET, 01:00Z is 03:00 CEST.
        Assert.Equal([1, 3], rows.Where(r => r.Consultations > 0).Select(r => r.Hour));
    }

    [Fact]
    public void Berlin_fall_back_day_has_25_hours_and_both_two_oclocks_add_up_in_one_row()
    {
        // 2026-10-25: 03:00 CEST falls back to 02:00 CET. The local day is 2026-10-24 22:00Z – 2026-10-25 23:00Z.
        var day = new DateOnly(2026, 10, 25);
        var facts = new ReportFacts
        {
            Statuses = [new(7, AgentStatus.Online, Utc(10, 24, 20), Utc(10, 26, 0))],
            Consultations =
            [
                Consultation(1, 7, 1, Utc(10, 24, 21, 59, 59)),
                Consultation(2, 7, 1, Utc(10, 24, 22)),
                Consultation(3, 7, 1, Utc(10, 25, 0, 30)),
                Consultation(4, 7, 1, Utc(10, 25, 1, 30)),
                Consultation(5, 7, 1, Utc(10, 25, 22, 59, 59)),
                Consultation(6, 7, 1, Utc(10, 25, 23)),
            ],
        };

        var rows = DailyRollup.Roll(day, Berlin, facts, Utc(10, 26, 0));

        var status = rows.Where(r => r.ReceptionGroupId is null).ToList();
        Assert.Equal(Enumerable.Range(0, 24), status.Select(r => r.Hour));
        Assert.Equal(7_200_000, status.Single(r => r.Hour == 2).OnlineMilliseconds);
        Assert.Equal(90_000_000, status.Sum(r => r.OnlineMilliseconds)); // 25 hours
        // 22:00Z is 00:00 CEST; 00:30Z is 02:30 CEST and 01:30Z 02:30 CET; 22:59:59Z is 23:59:59 CET.
        Assert.Equal([(0, 1L), (2, 2L), (23, 1L)], rows.Where(r => r.Consultations > 0).Select(r => (r.Hour, r.Consultations)));
    }

    [Fact]
    public void Hours_follow_a_zone_whose_offset_is_not_whole_hours()
    {
        // Asia/Kathmandu is UTC+5:45: local 09:00–10:00 is 03:15Z–04:15Z and is all hour 9.
        var kathmandu = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kathmandu");
        var facts = new ReportFacts { Statuses = [new(7, AgentStatus.Away, Utc(3, 10, 3, 15), Utc(3, 10, 4, 15))] };

        var row = DailyRollup.Roll(new DateOnly(2026, 3, 10), kathmandu, facts, Utc(3, 11, 0)).Single();

        Assert.Equal((9, 3_600_000L), (row.Hour, row.AwayMilliseconds));
    }

    private static DateTime Utc(int month, int day, int hour, int minute = 0, int second = 0) =>
        new(2026, month, day, hour, minute, second, DateTimeKind.Utc);
}
