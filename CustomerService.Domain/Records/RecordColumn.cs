namespace CustomerService.Domain.Records;

/// <summary>The columns a records list (and its export) can show (seed 002: 开始时间、接待客服、客人名称、消息条数…).</summary>
public enum RecordColumn
{
    RequestedAt,
    Visitor,
    Agent,
    ReceptionGroup,
    Duration,
    Messages,
    Result,
    Rating,
    SummaryType,
    Purchased,
    Vip,
    VisitorIp,
    StartPage,
    QcBand,
}

/// <summary>Which columns an account chose, stored as names so a renumbered enum never shows the wrong column.</summary>
public static class RecordColumns
{
    public static IReadOnlyList<RecordColumn> Default { get; } =
    [
        RecordColumn.RequestedAt, RecordColumn.Visitor, RecordColumn.Agent, RecordColumn.Messages,
        RecordColumn.Result, RecordColumn.Rating, RecordColumn.SummaryType, RecordColumn.QcBand,
    ];

    public static string Store(IEnumerable<RecordColumn> columns) =>
        string.Join(',', columns.Distinct().Order().Select(c => c.ToString()));

    /// <summary>The stored choice in enum order; unknown names (a column since removed) are skipped, nothing → the default.</summary>
    public static IReadOnlyList<RecordColumn> Read(string? stored)
    {
        var columns = (stored ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => Enum.TryParse<RecordColumn>(name, out var column) && Enum.IsDefined(column) ? column : (RecordColumn?)null)
            .OfType<RecordColumn>()
            .Distinct()
            .Order()
            .ToList();
        return columns.Count == 0 ? Default : columns;
    }
}
