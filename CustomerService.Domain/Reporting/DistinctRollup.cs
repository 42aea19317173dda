namespace CustomerService.Domain.Reporting;

/// <summary>
/// One (local day, agent)'s inputs of the figures that do not add up across days (SPEC I0, I4): the day's
/// 有效咨询用户 and 咨询下单用户 as user-key ids (<see cref="ReportUserKey"/>) and its invalid waits. Rolled with the day's
/// <see cref="RollupRow"/>s so a year's distinct figures are unions of small sets instead of a year of facts.
/// <see cref="AgentId"/> is null for orders credited to no agent (they count in the enterprise's total only).
/// Beside the day's rows per agent, a roll keeps each agent's whole month and the whole enterprise's day
/// (<see cref="DistinctRollupSpan"/>), so a year per agent unites 12 rows instead of 365 and a trend over the
/// enterprise one row a day instead of one per agent.
/// </summary>
public class DistinctRollupRow
{
    private DistinctRollupRow()
    {
    }

    public DistinctRollupRow(DateOnly localDate, DistinctInputs inputs, DistinctRollupSpan span = DistinctRollupSpan.AgentDay)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (span == DistinctRollupSpan.AgentMonth && localDate.Day != 1)
        {
            throw new ArgumentOutOfRangeException(nameof(localDate), "A whole-month row is dated the month's first day.");
        }

        if (span == DistinctRollupSpan.EnterpriseDay && inputs.AgentId is not null)
        {
            throw new ArgumentException("An enterprise day's row belongs to no agent.", nameof(inputs));
        }

        LocalDate = localDate;
        Span = span;
        AgentId = inputs.AgentId;
        ValidUsers = RollupBlob.EncodeIds(inputs.ValidUsers);
        OrderingUsers = RollupBlob.EncodeIds(inputs.OrderingUsers);
        InvalidWaits = RollupBlob.EncodeWaits(inputs.InvalidWaits);
    }

    public long Id { get; private set; }
    public DateOnly LocalDate { get; private set; }
    public DistinctRollupSpan Span { get; private set; }
    public int? AgentId { get; private set; }

    /// <summary>Sorted distinct ids, 4 bytes each (<see cref="RollupBlob"/>).</summary>
    public byte[] ValidUsers { get; private set; } = [];

    /// <summary>Sorted distinct ids, 4 bytes each (<see cref="RollupBlob"/>).</summary>
    public byte[] OrderingUsers { get; private set; } = [];

    /// <summary>Sorted waits in milliseconds, 8 bytes each, repeats kept: 可挽回 averages every wait.</summary>
    public byte[] InvalidWaits { get; private set; } = [];

    public DistinctInputs ToInputs() =>
        new(AgentId, RollupBlob.DecodeIds(ValidUsers), RollupBlob.DecodeIds(OrderingUsers), RollupBlob.DecodeWaits(InvalidWaits));
}

/// <summary>What one <see cref="DistinctRollupRow"/> covers.</summary>
public enum DistinctRollupSpan
{
    /// <summary>One agent's (or no agent's) sets of one day.</summary>
    AgentDay = 0,

    /// <summary>One agent's (or no agent's) sets of a whole calendar month, dated its first day: its days' merged.</summary>
    AgentMonth = 1,

    /// <summary>Every agent's sets of one day merged, under no agent: what a trend over the whole enterprise reads.</summary>
    EnterpriseDay = 2,
}

/// <summary>
/// A user key (<see cref="ConsultationFact.UserKeyOf"/> or an order's user id) under a small integer id, so a rolled
/// day stores 4 bytes per distinct user. Ids are never reused nor deleted: the same key is the same id forever, which
/// is what makes unions across days exact.
/// </summary>
public class ReportUserKey
{
    private ReportUserKey()
    {
    }

    public ReportUserKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        Key = key;
    }

    public int Id { get; private set; }
    public string Key { get; private set; } = "";
}
