namespace CustomerService.Domain.Reporting;

/// <summary>
/// An agent's (or, with a null <see cref="AgentId"/>, no agent's) distinct-figure inputs over some days: user-key ids
/// of 有效咨询用户 and of 咨询下单用户, and the invalid waits in milliseconds (<see cref="ConsultationFact.InvalidWait"/>).
/// </summary>
public sealed record DistinctInputs(int? AgentId, IReadOnlyList<int> ValidUsers, IReadOnlyList<int> OrderingUsers, IReadOnlyList<long> InvalidWaits)
{
    /// <summary>
    /// The inputs of several days or agents as one, under <paramref name="agentId"/>: ids united (each once, sorted),
    /// waits put together (every wait counts in 可挽回's average). A month's rows are its days merged; an enterprise day's,
    /// its agents'.
    /// </summary>
    public static DistinctInputs Merge(int? agentId, IEnumerable<DistinctInputs> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var valid = new HashSet<int>();
        var ordering = new HashSet<int>();
        var waits = new List<long>();
        foreach (var part in parts)
        {
            valid.UnionWith(part.ValidUsers);
            ordering.UnionWith(part.OrderingUsers);
            waits.AddRange(part.InvalidWaits);
        }

        return new DistinctInputs(agentId, [.. valid.Order()], [.. ordering.Order()], [.. waits.Order()]);
    }
}

/// <summary>The distinct figures of a period per agent and for the audience's total.</summary>
public sealed record DistinctTotals(DistinctFigures Total, IReadOnlyDictionary<int, DistinctFigures> ByAgent);

/// <summary>
/// Combines days' <see cref="DistinctInputs"/> into a period's distinct figures (SPEC I0, I4): a user counts once per
/// agent however many days that agent served him, and once in the total however many of the audience's agents served
/// him; 可挽回 compares every wait with the average of all the waits of the period (<see cref="RecoverableConsultations"/>),
/// per agent with the agent's waits and for the total with the audience's.
/// </summary>
public static class DistinctUnion
{
    /// <param name="inputs">Any number of entries per agent (one per day, or per source), in any order.</param>
    /// <param name="includes">Whether an agent (null: no agent) belongs to the audience.</param>
    public static DistinctTotals Combine(IEnumerable<DistinctInputs> inputs, Func<int?, bool> includes)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(includes);
        var agents = new Dictionary<int, (IdSet Valid, IdSet Ordering, List<long> Waits)>();
        var totalValid = new IdSet();
        var totalOrdering = new IdSet();
        var totalWaits = new List<long>();
        foreach (var entry in inputs)
        {
            if (!includes(entry.AgentId))
            {
                continue;
            }

            totalOrdering.UnionWith(entry.OrderingUsers);
            if (entry.AgentId is not { } agentId)
            {
                // A conversation always has its agent; only an order may be credited to none.
                continue;
            }

            totalValid.UnionWith(entry.ValidUsers);
            totalWaits.AddRange(entry.InvalidWaits);
            if (!agents.TryGetValue(agentId, out var sets))
            {
                sets = (new IdSet(), new IdSet(), []);
                agents[agentId] = sets;
            }

            sets.Valid.UnionWith(entry.ValidUsers);
            sets.Ordering.UnionWith(entry.OrderingUsers);
            sets.Waits.AddRange(entry.InvalidWaits);
        }

        var agentFigures = agents.ToDictionary(
            kv => kv.Key,
            kv => new DistinctFigures(kv.Value.Valid.Count, kv.Value.Ordering.Count, RecoverableConsultations.Count(kv.Value.Waits)));
        return new DistinctTotals(new DistinctFigures(totalValid.Count, totalOrdering.Count, RecoverableConsultations.Count(totalWaits)), agentFigures);
    }

    /// <summary>
    /// The total figures of entries whose ids are each distinct (rolled or merged sets: a trend's merged days, an account
    /// group's agents), whatever their <see cref="DistinctInputs.AgentId"/>: every entry's users and waits count, and
    /// no agent's figures are built.
    /// </summary>
    public static DistinctFigures OfMerged(IEnumerable<DistinctInputs> merged)
    {
        ArgumentNullException.ThrowIfNull(merged);
        var entries = merged as IReadOnlyList<DistinctInputs> ?? [.. merged];
        if (entries.Count == 1)
        {
            // A merged entry's ids are distinct already (a trend's bucket of one day): nothing to unite.
            var only = entries[0];
            return new DistinctFigures(only.ValidUsers.Count, only.OrderingUsers.Count, RecoverableConsultations.Count(only.InvalidWaits));
        }

        var valid = new IdSet();
        var ordering = new IdSet();
        var waits = new List<long>();
        foreach (var entry in entries)
        {
            valid.UnionWith(entry.ValidUsers);
            ordering.UnionWith(entry.OrderingUsers);
            waits.AddRange(entry.InvalidWaits);
        }

        return new DistinctFigures(valid.Count, ordering.Count, RecoverableConsultations.Count(waits));
    }
}

/// <summary>
/// The compact, exact encoding of a rolled day's sets: ids as sorted distinct little-endian int32, waits as sorted
/// little-endian int64 with repeats kept. Fixed width so decoding is a single copy.
/// </summary>
public static class RollupBlob
{
    public static byte[] EncodeIds(IEnumerable<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var sorted = ids.Distinct().Order().ToArray();
        var bytes = new byte[sorted.Length * sizeof(int)];
        for (var i = 0; i < sorted.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * sizeof(int)), sorted[i]);
        }

        return bytes;
    }

    public static int[] DecodeIds(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length % sizeof(int) != 0)
        {
            throw new ArgumentException("A rolled id list is a whole number of 4-byte ids.", nameof(bytes));
        }

        var ids = new int[bytes.Length / sizeof(int)];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(i * sizeof(int)));
        }

        return ids;
    }

    public static byte[] EncodeWaits(IEnumerable<long> waits)
    {
        ArgumentNullException.ThrowIfNull(waits);
        var sorted = waits.Order().ToArray();
        var bytes = new byte[sorted.Length * sizeof(long)];
        for (var i = 0; i < sorted.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(i * sizeof(long)), sorted[i]);
        }

        return bytes;
    }

    public static long[] DecodeWaits(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length % sizeof(long) != 0)
        {
            throw new ArgumentException("A rolled wait list is a whole number of 8-byte waits.", nameof(bytes));
        }

        var waits = new long[bytes.Length / sizeof(long)];
        for (var i = 0; i < waits.Length; i++)
        {
            waits[i] = System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(i * sizeof(long)));
        }

        return waits;
    }
}
