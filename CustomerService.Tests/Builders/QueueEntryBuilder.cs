using CustomerService.Domain.Routing;

namespace CustomerService.Tests.Builders;

/// <summary>Queue entries enqueued at a fixed base time plus whole seconds, with increasing sequence numbers.</summary>
public sealed class QueueEntryBuilder
{
    public static readonly DateTimeOffset BaseTime = new(2025, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));

    private long _nextSequence = 1;

    public QueueEntry Regular(long id, int secondsAfterBase) => Entry(id, isVip: false, secondsAfterBase);

    public QueueEntry Vip(long id, int secondsAfterBase) => Entry(id, isVip: true, secondsAfterBase);

    private QueueEntry Entry(long id, bool isVip, int secondsAfterBase) =>
        new(id, isVip, BaseTime.AddSeconds(secondsAfterBase), _nextSequence++);
}
