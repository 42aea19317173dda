using CustomerService.Domain.Common;

namespace CustomerService.Web.Features.Console;

/// <summary>A conversation's thread on this console: loading its history, and my messages until the engine has them.</summary>
public sealed partial class ConsoleSession
{
    /// <summary>
    /// Sends a text with a new client id (SPEC D6): it shows as “sending” until the engine has stored it; when the call
    /// fails for a reason other than a rule, it stays as failed and <see cref="RetryAsync"/> resends the same id, so a
    /// message that was stored after all is not stored twice.
    /// </summary>
    public Task SendAsync(long conversationId, string text)
    {
        var outgoing = new OutgoingMessage(Guid.NewGuid().ToString("N"), text, Now);
        Mutate(s => s.Threads.TryGetValue(conversationId, out var thread)
            ? s with { Threads = s.Threads.SetItem(conversationId, thread with { Outgoing = thread.Outgoing.Add(outgoing) }) }
            : s);
        return DeliverAsync(conversationId, outgoing);
    }

    public Task RetryAsync(long conversationId, string clientId)
    {
        var outgoing = State.Threads.GetValueOrDefault(conversationId)?.Outgoing.FirstOrDefault(o => o.ClientId == clientId);
        if (outgoing is null)
        {
            return Task.CompletedTask;
        }

        ReplaceOutgoing(conversationId, outgoing, outgoing with { Failed = false, Violation = null });
        return DeliverAsync(conversationId, outgoing);
    }

    /// <summary>Drops a failed message the agent gives up on.</summary>
    public void Discard(long conversationId, string clientId) =>
        Mutate(s => s.Threads.TryGetValue(conversationId, out var thread)
            ? s with { Threads = s.Threads.SetItem(conversationId, thread with { Outgoing = thread.Outgoing.RemoveAll(o => o.ClientId == clientId) }) }
            : s);

    private async Task DeliverAsync(long conversationId, OutgoingMessage outgoing)
    {
        try
        {
            var stored = await _engine.AppendAgentMessageAsync(AgentId, conversationId, outgoing.ClientId, outgoing.Text);
            // The event normally got here first; this covers a console that missed it.
            Mutate(s => s.Threads.TryGetValue(conversationId, out var thread)
                ? s with { Threads = s.Threads.SetItem(conversationId, thread.With(stored)) }
                : s);
        }
        catch (RuleViolationException refused)
        {
            ReplaceOutgoing(conversationId, outgoing, outgoing with { Failed = true, Violation = refused.Violation });
            Toast(ConsoleToast.Refused(refused.Violation));
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException or IOException
            or Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            LogSendFailed(exception, conversationId);
            ReplaceOutgoing(conversationId, outgoing, outgoing with { Failed = true });
            Toast(ConsoleToast.Warning("Console.SendFailed"));
        }
    }

    private void ReplaceOutgoing(long conversationId, OutgoingMessage old, OutgoingMessage replacement) =>
        Mutate(s => s.Threads.TryGetValue(conversationId, out var thread) && thread.Outgoing.FirstOrDefault(o => o.ClientId == old.ClientId) is { } current
            ? s with { Threads = s.Threads.SetItem(conversationId, thread with { Outgoing = thread.Outgoing.Replace(current, replacement) }) }
            : s);

    /// <summary>Loads a conversation's history once; events arriving meanwhile are merged by sequence number.</summary>
    private async Task EnsureThreadAsync(long conversationId, CancellationToken cancellationToken = default)
    {
        var load = false;
        Mutate(s =>
        {
            if (s.Threads.ContainsKey(conversationId))
            {
                return s;
            }

            load = true;
            return s with { Threads = s.Threads.SetItem(conversationId, ConversationThread.Loading) };
        });
        if (!load)
        {
            return;
        }

        try
        {
            var messages = await _queries.MessagesAsync(conversationId, cancellationToken);
            Mutate(s => s.Threads.TryGetValue(conversationId, out var thread)
                ? s with { Threads = s.Threads.SetItem(conversationId, thread.WithLoaded(messages)) }
                : s);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogApplyFailed(exception, "history");
            Mutate(s => s with { Threads = s.Threads.Remove(conversationId) });
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending to conversation {ConversationId} failed; the agent may resend")]
    private partial void LogSendFailed(Exception exception, long conversationId);
}
