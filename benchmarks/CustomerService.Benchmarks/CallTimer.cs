using System.Diagnostics;
using System.Globalization;

namespace CustomerService.Benchmarks;

/// <summary>Times repeated calls after one warm-up call (plans and pages in the cache) and prints p50/p99.</summary>
internal static class CallTimer
{
    public static Task TimeAsync<T>(string what, int calls, Func<Task<T>> call) => TimeAsync(what, calls, () => (Task)call());

    /// <summary>The same for calls made together (a page's loads at once, <c>Task.WhenAll</c>).</summary>
    public static async Task TimeAsync(string what, int calls, Func<Task> call)
    {
        await call();
        var times = new List<double>();
        for (var i = 0; i < calls; i++)
        {
            var watch = Stopwatch.StartNew();
            await call();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        var sorted = times.Order().ToList();
        double P(double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: p50 {P(0.5):F0} ms, p99 {P(0.99):F0} ms over {calls} calls"));
    }
}
