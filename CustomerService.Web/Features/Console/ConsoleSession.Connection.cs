namespace CustomerService.Web.Features.Console;

/// <summary>
/// Presence follows the browser, not the circuit (ADR 008): <see cref="ConsoleCircuitHandler"/> reports the connection
/// dropping and coming back, and the engine's grace period decides when the agent is gone.
/// </summary>
public sealed partial class ConsoleSession
{
    /// <summary>The circuit lost its connection: the agent counts as gone (the engine's grace period runs).</summary>
    public async Task ConnectionDownAsync()
    {
        await _lifecycle.WaitAsync();
        try
        {
            if (_engineConnected && !_disposed)
            {
                _engineConnected = false;
                await _engine.AgentDisconnectedAsync(AgentId);
            }
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>The circuit reconnected: the agent is back (Online again if the grace period had run out).</summary>
    public async Task ConnectionUpAsync()
    {
        await _lifecycle.WaitAsync();
        try
        {
            if (!_engineConnected && !_disposed && State.IsStarted)
            {
                var presence = await _engine.AgentConnectedAsync(AgentId);
                _engineConnected = true;
                Mutate(s => s with { Status = presence.Status });
            }
        }
        catch (Domain.Common.RuleViolationException refused)
        {
            // The account was disabled meanwhile: the console stays as it is until sign-in revalidation ends the session.
            LogReconnectRefused(AgentId, refused.Violation.Code);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agent {AgentId}'s console reconnected but the engine refused him: {Code}")]
    private partial void LogReconnectRefused(int agentId, string code);
}
