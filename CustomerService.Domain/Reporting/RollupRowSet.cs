namespace CustomerService.Domain.Reporting;

/// <summary>
/// The rows of one day being rolled, created on first use. Every caller adds something non-zero to the row it asks for,
/// which is how a rollup never holds an all-zero row.
/// </summary>
internal sealed class RollupRowSet(DateOnly localDate)
{
    private readonly Dictionary<(int Hour, int? AgentId, int? GroupId), RollupRow> _rows = [];

    public RollupRow For(int hour, int? agentId, int? receptionGroupId)
    {
        var key = (hour, agentId, receptionGroupId);
        if (!_rows.TryGetValue(key, out var row))
        {
            row = new RollupRow(localDate, hour, agentId, receptionGroupId);
            _rows.Add(key, row);
        }

        return row;
    }

    /// <summary>By hour, agent, group; none (null) sorts first.</summary>
    public List<RollupRow> ToList() =>
        [.. _rows.Values.OrderBy(r => r.Hour).ThenBy(r => r.AgentId).ThenBy(r => r.ReceptionGroupId)];
}
