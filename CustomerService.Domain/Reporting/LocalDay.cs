namespace CustomerService.Domain.Reporting;

/// <summary>
/// One local calendar day of the enterprise's zone as UTC instants [<see cref="Start"/>, <see cref="End"/>), and its
/// local hours as UTC spans. A daylight-saving day has 23 or 25 hours: the skipped hour has no span, the repeated one
/// covers both occurrences.
/// </summary>
internal sealed class LocalDay
{
    // Every zone offset in use (and every daylight-saving shift) is a multiple of 15 minutes, so a local hour changes, and
    // a local day begins, only on a quarter-hour UTC boundary: the slices tile the day exactly.
    private static readonly TimeSpan Slice = TimeSpan.FromMinutes(15);

    private readonly TimeZoneInfo _zone;

    public LocalDay(DateOnly date, TimeZoneInfo zone)
    {
        _zone = zone;
        Start = ReportPeriod.StartOfDayUtc(date, zone);
        End = ReportPeriod.StartOfDayUtc(date.AddDays(1), zone);
        Hours = SplitIntoHours();
    }

    public DateTime Start { get; }

    public DateTime End { get; }

    public IReadOnlyList<HourSpan> Hours { get; }

    /// <summary>Whether an instant's local date is this day.</summary>
    public bool Contains(DateTime utc) => utc >= Start && utc < End;

    /// <summary>The local hour (0–23) of an instant.</summary>
    public int HourOf(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone).Hour;

    private List<HourSpan> SplitIntoHours()
    {
        var hours = new List<HourSpan>();
        for (var slice = Start; slice < End; slice += Slice)
        {
            var hour = HourOf(slice);
            var end = slice + Slice;
            if (hours.Count > 0 && hours[^1].Hour == hour)
            {
                hours[^1] = hours[^1] with { End = end };
            }
            else
            {
                hours.Add(new HourSpan(hour, slice, end));
            }
        }

        return hours;
    }
}

/// <summary>The UTC instants [<see cref="Start"/>, <see cref="End"/>) whose local hour is <see cref="Hour"/>.</summary>
internal readonly record struct HourSpan(int Hour, DateTime Start, DateTime End);
