using CustomerService.Domain.Organisation;

namespace CustomerService.Web.Features.Settings.WorkingHours;

/// <summary>One row of the working-hours form; MudTimePicker works with nullable TimeSpan.</summary>
public sealed class DayScheduleModel
{
    public bool Open { get; set; }
    public TimeSpan? Start { get; set; }
    public TimeSpan? End { get; set; }

    // A cleared picker means midnight; the domain rule then reports an end not after the start.
    public DaySchedule ToSchedule() =>
        new(Open, TimeOnly.FromTimeSpan(Start ?? TimeSpan.Zero), TimeOnly.FromTimeSpan(End ?? TimeSpan.Zero));

    public static DayScheduleModel From(DaySchedule schedule) =>
        new() { Open = schedule.Open, Start = schedule.Start.ToTimeSpan(), End = schedule.End.ToTimeSpan() };
}
