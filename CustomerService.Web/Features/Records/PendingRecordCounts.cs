using CustomerService.Domain.Common;
using CustomerService.Domain.Records;

namespace CustomerService.Web.Features.Records;

/// <summary>
/// The navigation's counts of the search on screen, loaded beside the list rather than before it: they scan the whole
/// period (seconds over a year of a busy enterprise, ADR 014), the first page is an index walk, so the list never
/// waits for them. A new search cancels the counts of the previous one, and counts that arrive late for a search no
/// longer on screen are dropped — the numbers shown are always those of the list shown.
/// </summary>
public sealed class PendingRecordCounts : IDisposable
{
    private CancellationTokenSource? _running;

    /// <summary>The counts of the current search, or null while they are being counted (or could not be).</summary>
    public IReadOnlyDictionary<RecordList, int>? Counts { get; private set; }

    /// <summary>True from <see cref="Start"/> until the current search's counts arrive: a progress mark stands in for each count.</summary>
    public bool Loading { get; private set; }

    /// <summary>Forgets the counts shown; nothing is counted until the next <see cref="Start"/>.</summary>
    public void Clear()
    {
        Cancel();
        (Counts, Loading) = (null, false);
    }

    /// <summary>
    /// Starts counting for a new search and returns at once; <paramref name="arrived"/> runs when this search's counts
    /// (or its refusal) arrive, and never for a search replaced meanwhile.
    /// </summary>
    public Task Start(
        Func<CancellationToken, Task<Outcome<IReadOnlyDictionary<RecordList, int>>>> count, Func<RuleViolation?, Task> arrived)
    {
        ArgumentNullException.ThrowIfNull(count);
        ArgumentNullException.ThrowIfNull(arrived);
        Clear();
        var running = new CancellationTokenSource();
        (_running, Loading) = (running, true);
        return CountAsync(running, count, arrived);
    }

    public void Dispose() => Cancel();

    private async Task CountAsync(
        CancellationTokenSource running, Func<CancellationToken, Task<Outcome<IReadOnlyDictionary<RecordList, int>>>> count, Func<RuleViolation?, Task> arrived)
    {
        Outcome<IReadOnlyDictionary<RecordList, int>> counted;
        try
        {
            counted = await count(running.Token);
        }
        catch (OperationCanceledException) when (running.IsCancellationRequested)
        {
            return;
        }

        if (!ReferenceEquals(running, _running))
        {
            return;
        }

        (Counts, Loading) = (counted.Violation is null ? counted.Value : null, false);
        await arrived(counted.Violation);
    }

    private void Cancel()
    {
        if (_running is { } running)
        {
            _running = null;
            running.Cancel();
            running.Dispose();
        }
    }
}
