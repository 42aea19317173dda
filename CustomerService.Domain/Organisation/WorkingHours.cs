using CustomerService.Domain.Common;

namespace CustomerService.Domain.Organisation;

/// <summary>
/// 工作时间 for weekdays and weekends (SPEC C5; seed 002 “工作时间维护”), in the enterprise's time zone.
/// Outside them the visitor window shows the hours and offers a leave-message.
/// </summary>
public sealed record WorkingHours(DaySchedule Weekdays, DaySchedule Weekends)
{
    public static WorkingHours Default { get; } = new(
        new DaySchedule(true, new TimeOnly(9, 0), new TimeOnly(18, 0)),
        new DaySchedule(false, new TimeOnly(10, 0), new TimeOnly(17, 0)));

    public RuleViolation? Check() => Weekdays.Check() ?? Weekends.Check();

    public bool IsOpenAt(DateTime localTime)
    {
        var schedule = localTime.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? Weekends : Weekdays;
        return schedule.Covers(TimeOnly.FromDateTime(localTime));
    }
}

public sealed record DaySchedule(bool Open, TimeOnly Start, TimeOnly End)
{
    public RuleViolation? Check() => Open && End <= Start ? new RuleViolation("WorkingHoursOrder") : null;

    public bool Covers(TimeOnly time) => Open && time >= Start && time < End;
}
