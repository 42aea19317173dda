namespace CustomerService.Domain.Routing;

/// <summary>
/// One waiting visitor as the queue ordering sees him. <see cref="Sequence"/> is a monotonically increasing number the
/// engine assigns on enqueue; it breaks ties between equal timestamps (clock resolution, same-instant requests).
/// </summary>
public sealed record QueueEntry(long Id, bool IsVip, DateTimeOffset EnqueuedAt, long Sequence);
