namespace CustomerService.Domain.Reporting;

/// <summary>
/// A local day whose rollup rows are stored (SPEC I4): reports read those rows for it unless a late fact has marked it
/// since (<see cref="RollupDirtyMark"/>). <see cref="RolledAt"/> is shown as 数据更新于.
/// </summary>
public class RollupDay
{
    private RollupDay()
    {
    }

    public RollupDay(DateOnly localDate, DateTime rolledAt, long rowCount)
    {
        LocalDate = localDate;
        RolledAt = rolledAt;
        RowCount = rowCount;
    }

    public DateOnly LocalDate { get; private set; }
    public DateTime RolledAt { get; private set; }
    public long RowCount { get; private set; }

    public void Rolled(DateTime rolledAt, long rowCount)
    {
        RolledAt = rolledAt;
        RowCount = rowCount;
    }
}

/// <summary>
/// A write that changed a figure of a closed local day (SPEC I4: a conversation ending or rated after midnight, a late
/// summary, a leave-message handled later, an order placed, paid or cancelled…). Appended in the transaction of the
/// write; the rollup job re-rolls the day and deletes the marks it has consumed, so a mark written while a roll runs
/// survives it.
/// </summary>
public class RollupDirtyMark
{
    private RollupDirtyMark()
    {
    }

    public RollupDirtyMark(DateOnly localDate, DateTime markedAt)
    {
        LocalDate = localDate;
        MarkedAt = markedAt;
    }

    public long Id { get; private set; }
    public DateOnly LocalDate { get; private set; }
    public DateTime MarkedAt { get; private set; }
}
