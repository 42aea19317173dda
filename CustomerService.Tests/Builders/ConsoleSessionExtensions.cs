using System.Runtime.CompilerServices;
using CustomerService.Web.Features.Console;

namespace CustomerService.Tests.Builders;

/// <summary>Waiting for a console to catch up with the engine: its events are applied asynchronously, in order.</summary>
public static class ConsoleSessionExtensions
{
    /// <summary>Waits (without sleeping) until the console's state satisfies the condition; fails after 10 seconds.</summary>
    public static async Task<ConsoleState> WaitForAsync(
        this ConsoleSession session, Func<ConsoleState, bool> condition, [CallerArgumentExpression(nameof(condition))] string? what = null)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            if (condition(session.State))
            {
                reached.TrySetResult();
            }
        }

        using var subscription = session.Store.Subscribe(Check);
        try
        {
            Check();
            await reached.Task.WaitAsync(TimeSpan.FromSeconds(10));
            return session.State;
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The console never reached: {what}");
        }
    }
}
