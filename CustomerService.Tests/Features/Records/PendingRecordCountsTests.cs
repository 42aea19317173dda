using CustomerService.Domain.Common;
using CustomerService.Domain.Records;
using CustomerService.Web.Features.Records;

namespace CustomerService.Tests.Features.Records;

/// <summary>
/// The navigation's counts load beside the list (issue 12: a year's counts take seconds, the list must not wait): starting
/// them returns at once, a progress mark stands in until they arrive, and a newer search's counts are never overwritten
/// by the late counts of the search it replaced.
/// </summary>
public sealed class PendingRecordCountsTests
{
    private static readonly IReadOnlyDictionary<RecordList, int> Earlier = new Dictionary<RecordList, int> { [RecordList.All] = 7 };
    private static readonly IReadOnlyDictionary<RecordList, int> Later = new Dictionary<RecordList, int> { [RecordList.All] = 3 };

    [Fact]
    public async Task Starting_returns_before_the_counts_and_they_show_when_they_arrive()
    {
        using var pending = new PendingRecordCounts();
        var counted = new TaskCompletionSource<Outcome<IReadOnlyDictionary<RecordList, int>>>();
        var arrivals = 0;

        var counting = pending.Start(_ => counted.Task, _ => { arrivals++; return Task.CompletedTask; });

        Assert.False(counting.IsCompleted);
        Assert.True(pending.Loading);
        Assert.Null(pending.Counts);
        counted.SetResult(new Outcome<IReadOnlyDictionary<RecordList, int>>(Later, null));
        await counting;
        Assert.False(pending.Loading);
        Assert.Equal(3, pending.Counts![RecordList.All]);
        Assert.Equal(1, arrivals);
    }

    [Fact]
    public async Task A_new_search_cancels_the_old_counts_and_their_late_numbers_are_dropped()
    {
        using var pending = new PendingRecordCounts();
        var first = new TaskCompletionSource<Outcome<IReadOnlyDictionary<RecordList, int>>>();
        var second = new TaskCompletionSource<Outcome<IReadOnlyDictionary<RecordList, int>>>();
        var firstToken = CancellationToken.None;
        var arrived = new List<string>();

        var firstCounting = pending.Start(token => { firstToken = token; return first.Task; }, _ => { arrived.Add("first"); return Task.CompletedTask; });
        var secondCounting = pending.Start(_ => second.Task, _ => { arrived.Add("second"); return Task.CompletedTask; });

        Assert.True(firstToken.IsCancellationRequested);
        second.SetResult(new Outcome<IReadOnlyDictionary<RecordList, int>>(Later, null));
        await secondCounting;
        // The replaced search's count ignored its cancellation and finished late, with other numbers.
        first.SetResult(new Outcome<IReadOnlyDictionary<RecordList, int>>(Earlier, null));
        await firstCounting;

        Assert.Equal(["second"], arrived);
        Assert.Equal(3, pending.Counts![RecordList.All]);
        Assert.False(pending.Loading);
    }

    [Fact]
    public async Task Counts_cancelled_by_a_new_search_end_quietly()
    {
        using var pending = new PendingRecordCounts();
        var arrived = 0;

        var cancelled = pending.Start(async token => { await Task.Delay(Timeout.Infinite, token); return new Outcome<IReadOnlyDictionary<RecordList, int>>(Earlier, null); }, _ => { arrived++; return Task.CompletedTask; });
        pending.Clear();
        await cancelled;

        Assert.Equal(0, arrived);
        Assert.False(pending.Loading);
        Assert.Null(pending.Counts);
    }

    [Fact]
    public async Task A_refusal_is_passed_on_and_shows_no_counts()
    {
        using var pending = new PendingRecordCounts();
        RuleViolation? said = null;

        await pending.Start(_ => Task.FromResult(new Outcome<IReadOnlyDictionary<RecordList, int>>(null, new RuleViolation("RecordKeywordLength", "x"))), v => { said = v; return Task.CompletedTask; });

        Assert.Equal("RecordKeywordLength", said?.Code);
        Assert.Null(pending.Counts);
        Assert.False(pending.Loading);
    }
}
