namespace CustomerService.Data.Reporting;

/// <summary>
/// SQL a migration runs when it adds a rollup counter: the stored days hold no value for it, so every rolled day is
/// marked for re-rolling (SPEC I4). Until the rollup job has re-rolled them, the report service rolls marked days from
/// facts, so no report shows the new figure as 0 in the meantime. Plain SQL valid on SQLite and SQL Server alike.
/// </summary>
public static class RollupRecount
{
    public const string MarkEveryRolledDay =
        "INSERT INTO RollupDirtyMarks (LocalDate, MarkedAt) SELECT LocalDate, CURRENT_TIMESTAMP FROM RollupDays";
}
