using CustomerService.Web.Features.Exports;

namespace CustomerService.Tests.Fakes;

/// <summary>Counts the signals instead of firing Quartz: tests run the export runner themselves, when they choose.</summary>
public sealed class TestExportQueue : IExportQueue
{
    public int Signals { get; private set; }

    public Task SignalAsync(CancellationToken cancellationToken)
    {
        Signals++;
        return Task.CompletedTask;
    }
}
