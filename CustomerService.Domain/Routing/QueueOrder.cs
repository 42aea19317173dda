namespace CustomerService.Domain.Routing;

/// <summary>
/// Order of one queue (SPEC D2 rule 7, D3): every VIP ahead of every non-VIP, first come first served within each
/// class (seed 002 “发生排队的情况下,VIP用户优先咨询”). The same order serves a group's queue and a private contact's
/// personal queue; the caller passes the entries of one queue.
/// </summary>
public static class QueueOrder
{
    public static IComparer<QueueEntry> Comparer { get; } = Comparer<QueueEntry>.Create(Compare);

    /// <summary>Entries in serving order; the first one is dequeued next.</summary>
    public static IReadOnlyList<QueueEntry> Sort(IEnumerable<QueueEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return entries.Order(Comparer).ToList();
    }

    /// <summary>1-based position of every entry, keyed by entry id: what each waiting visitor is shown.</summary>
    public static IReadOnlyDictionary<long, int> Positions(IEnumerable<QueueEntry> entries)
    {
        var positions = new Dictionary<long, int>();
        foreach (var entry in Sort(entries))
        {
            if (!positions.TryAdd(entry.Id, positions.Count + 1))
            {
                throw new ArgumentException($"Queue entry {entry.Id} appears twice.", nameof(entries));
            }
        }

        return positions;
    }

    private static int Compare(QueueEntry? x, QueueEntry? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        if (x.IsVip != y.IsVip)
        {
            return x.IsVip ? -1 : 1;
        }

        var byTime = x.EnqueuedAt.CompareTo(y.EnqueuedAt);
        return byTime != 0 ? byTime : x.Sequence.CompareTo(y.Sequence);
    }
}
