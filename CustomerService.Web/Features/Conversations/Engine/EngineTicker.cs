using Microsoft.Extensions.Options;

namespace CustomerService.Web.Features.Conversations.Engine;

/// <summary>Drives the engine's timers (<see cref="ConversationEngine.TickAsync"/>) on the app's <see cref="TimeProvider"/>.</summary>
public sealed partial class EngineTicker(ConversationEngine engine, TimeProvider clock, IOptions<EngineOptions> options, ILogger<EngineTicker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.TickInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await engine.TickAsync();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The next tick tries again; a failed batch has already been rolled back and logged.
                LogTickFailed(exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An engine tick failed")]
    private partial void LogTickFailed(Exception exception);
}
