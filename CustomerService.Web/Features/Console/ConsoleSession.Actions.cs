using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using CustomerService.Web.Features.Conversations.Engine;

using CustomerService.Web.Features.Conversations.Summaries;
using CustomerService.Web.Features.Visitors.Api;
using CustomerService.Domain.Visitors;
using CustomerService.Web.Features.Visitors.Trajectory;
using Microsoft.AspNetCore.Components.Forms;

namespace CustomerService.Web.Features.Console;

/// <summary>What the agent does from the console. Each change is asked of the engine; a refusal comes back as a toast.</summary>
public sealed partial class ConsoleSession
{
    /// <summary>在线 / 忙碌 / 离开 (SPEC D1). Away ends the agent's conversations; the page asks first.</summary>
    public Task<bool> SetStatusAsync(AgentStatus status) => TryAsync(async () =>
    {
        var presence = await _engine.SetStatusAsync(AgentId, status);
        Mutate(s => s with { Status = presence.Status });
    });

    /// <summary>Opens a conversation of mine in the centre pane and marks it read.</summary>
    public async Task SelectAsync(long conversationId)
    {
        if (!State.Conversations.ContainsKey(conversationId))
        {
            return;
        }

        StopMonitoring();
        Mutate(s => s.SelectedId == conversationId ? s : s with { SelectedId = conversationId });
        MarkRead(conversationId);
        await EnsureThreadAsync(conversationId);
    }

    /// <summary>Ctrl+Tab (SPEC F2): to the visitor who has waited longest for an answer.</summary>
    public async Task<bool> JumpToMostUrgentAsync()
    {
        var state = State;
        if (TileOrder.MostUrgent(state.Conversations.Values, state.SelectedId) is not { } id)
        {
            return false;
        }

        await SelectAsync(id);
        return true;
    }

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

    /// <summary>
    /// 结束会话: the agent ends it, with its summary when he gives one (forced when the enterprise requires it, SPEC D10);
    /// it leaves the list (an admin ending a colleague's is 同事会话's business).
    /// </summary>
    public async Task<bool> EndAsync(long conversationId, ConsultationSummary? summary = null)
    {
        _closing[conversationId] = 0;
        var ended = await TryAsync(() => _engine.EndByAgentAsync(AgentId, conversationId, summary));
        if (ended || State.Conversations.GetValueOrDefault(conversationId)?.IsEnded == true)
        {
            Remove(conversationId);
        }
        else
        {
            _closing.TryRemove(conversationId, out _);
        }

        if (State.Monitored?.Id == conversationId)
        {
            StopMonitoring();
        }

        return ended;
    }

    /// <summary>Leaves a shared conversation (SPEC D4); the owner alone ends it.</summary>
    public async Task<bool> LeaveAsync(long conversationId)
    {
        _closing[conversationId] = 0;
        var left = await TryAsync(() => _engine.LeaveConversationAsync(AgentId, conversationId));
        if (left)
        {
            Remove(conversationId);
        }
        else
        {
            _closing.TryRemove(conversationId, out _);
        }

        return left;
    }

    /// <summary>Closes an ended conversation's tile (the visitor left, it timed out…).</summary>
    public void Close(long conversationId)
    {
        if (State.Conversations.GetValueOrDefault(conversationId) is { IsEnded: true })
        {
            Remove(conversationId);
        }
    }

    /// <summary>快捷关闭 (SPEC F3): every ended conversation off the list in one click; returns how many.</summary>
    public int CloseAllEnded()
    {
        var ended = State.Conversations.Values.Where(t => t.IsEnded).Select(t => t.Id).ToList();
        foreach (var id in ended)
        {
            Remove(id);
        }

        return ended.Count;
    }

    /// <summary>转接 or 邀请 (SPEC D4): the target gets an offer to accept or decline.</summary>
    public async Task<bool> OfferAsync(long conversationId, TransferTarget target, TransferKind kind)
    {
        TransferView? requested = null;
        var ok = await TryAsync(async () => requested = await _engine.RequestTransferAsync(AgentId, conversationId, target, kind));
        if (ok && requested is not null)
        {
            UpdateTile(conversationId, t => t with { PendingTransfer = requested });
            Toast(ConsoleToast.Info(kind == TransferKind.Invite ? "Console.InviteRequested" : "Console.TransferRequested"));
        }

        return ok;
    }

    /// <summary>Accepts or declines an offer; refusals (at max load, already taken) are toasted and the offer goes.</summary>
    public async Task<bool> RespondAsync(long transferId, bool accept)
    {
        _answering[transferId] = 0;
        var conversationId = State.Offers.FirstOrDefault(o => o.Transfer.Id == transferId)?.Transfer.ConversationId;
        if (accept && conversationId is { } arriving)
        {
            // The conversation reaches this console through the pump; it opens when it gets here.
            Interlocked.Exchange(ref _selectOnArrival, arriving);
        }

        try
        {
            RuleViolation? violation = null;
            var ok = await TryAsync(() => _engine.RespondToTransferAsync(AgentId, transferId, accept), v => violation = v);
            if (ok || violation?.Code is "TransferNotPending" or "NotTransferTarget")
            {
                Mutate(s => s.Offers.FirstOrDefault(o => o.Transfer.Id == transferId) is { } offer ? s with { Offers = s.Offers.Remove(offer) } : s);
            }

            if (ok && accept && conversationId is { } accepted && State.Conversations.ContainsKey(accepted))
            {
                await SelectAsync(accepted);
            }

            return ok;
        }
        finally
        {
            _answering.TryRemove(transferId, out _);
        }
    }

    /// <summary>邀请评价 (SPEC D9).</summary>
    /// <summary>
    /// Sends an image or file (SPEC F6), checked like a visitor's upload (size by kind, type by content). The message
    /// arrives in the thread through the engine's event like any other.
    /// </summary>
    public Task<bool> SendFileAsync(long conversationId, IBrowserFile file) => TryAsync(async () =>
    {
        var largest = await _uploads.LargestAllowedBytesAsync();
        if (file.Size > largest)
        {
            throw new RuleViolationException(new RuleViolation("UploadTooLarge", largest / 1024));
        }

        await using var content = file.OpenReadStream(largest);
        await _uploads.AcceptAgentUploadAsync(AgentId, conversationId, content, file.Name, file.Size, Guid.NewGuid().ToString("N"), CancellationToken.None);
    });

    /// <summary>咨询总结 (SPEC D10), during the conversation or afterwards from the reminders.</summary>
    public Task<bool> SummarizeAsync(long conversationId, ConsultationSummary summary) =>
        TryAsync(() => _engine.SummarizeAsync(AgentId, conversationId, summary));

    public Task<IReadOnlyList<PendingSummary>> PendingSummariesAsync() => _pendingSummaries.ForAgentAsync(AgentId);

    public Task<bool> InviteEvaluationAsync(long conversationId) => TryAsync(async () =>
    {
        await _engine.InviteEvaluationAsync(AgentId, conversationId);
        Toast(ConsoleToast.Success("Console.EvaluationInvited"));
    });

    /// <summary>黑名单 (SPEC D11): blocks the visitor (and his IP when asked) and ends the conversation.</summary>
    public async Task<bool> BlacklistAsync(long conversationId, string reason, bool includeIp)
    {
        _closing[conversationId] = 0;
        var ok = await TryAsync(() => _engine.BlacklistVisitorAsync(AgentId, conversationId, reason, includeIp));
        if (ok)
        {
            Remove(conversationId);
            Toast(ConsoleToast.Success("Console.Blacklisted"));
        }
        else
        {
            _closing.TryRemove(conversationId, out _);
        }

        return ok;
    }

    /// <summary>
    /// 同事会话 (SPEC F1, admin only): shows a colleague's conversation live in the centre pane without joining it.
    /// </summary>
    public async Task MonitorAsync(long conversationId)
    {
        if (!IsAdmin)
        {
            Toast(ConsoleToast.Refused(new RuleViolation("AdminOnly")));
            return;
        }

        if (State.Conversations.ContainsKey(conversationId))
        {
            await SelectAsync(conversationId);
            return;
        }

        StopMonitoring();
        var subscription = _bus.Subscribe(EventTopic.Conversation(conversationId), e =>
        {
            if (e is MessageAppended or ConversationChanged)
            {
                Enqueue(e);
            }
        });
        Interlocked.Exchange(ref _monitorSubscription, subscription)?.Dispose();
        var view = await _engine.GetConversationAsync(conversationId);
        if (view is null)
        {
            StopMonitoring();
            Toast(ConsoleToast.Refused(new RuleViolation("ConversationEnded")));
            return;
        }

        var names = await _queries.VisitorNamesAsync([view.VisitorId]);
        Mutate(s => s with { Monitored = ConversationTile.From(view, names.GetValueOrDefault(view.VisitorId)), SelectedId = view.Id });
        await EnsureThreadAsync(view.Id);
    }

    /// <summary>插入会话 (SPEC D4): the admin joins the conversation he watches; it becomes one of his.</summary>
    public Task<bool> BargeInAsync(long conversationId) => TryAsync(() => _engine.BargeInAsync(AgentId, conversationId));

    /// <summary>Everyone the agent could hand a conversation to, with status and load; <see cref="TransferTargets"/> filters.</summary>
    public async Task<IReadOnlyList<TransferCandidate>> TransferCandidatesAsync(long conversationId)
    {
        var presence = await _engine.GetPresenceAsync();
        var directory = await _queries.DirectoryAsync();
        var tile = State.Conversations.GetValueOrDefault(conversationId) ?? (State.Monitored?.Id == conversationId ? State.Monitored : null);
        var participants = tile?.Participants.Select(p => p.AgentId).ToHashSet() ?? [];
        return [.. presence
            .Where(p => p.AgentId != AgentId && directory.ContainsKey(p.AgentId))
            .Select(p => new TransferCandidate(
                p.AgentId, directory[p.AgentId].ExternalName, directory[p.AgentId].InternalName, directory[p.AgentId].AccountGroup,
                p.Status, p.Load, p.MaxLoad, participants.Contains(p.AgentId)))];
    }

    public Task<IReadOnlyList<GroupRef>> ReceptionGroupsAsync() => _queries.ReceptionGroupsAsync();

    /// <summary>The side panel's summary, for a conversation this console shows.</summary>
    public Task<VisitorSummary?> VisitorSummaryAsync(long conversationId) =>
        State.Conversations.ContainsKey(conversationId) || State.Monitored?.Id == conversationId
            ? _queries.VisitorSummaryAsync(conversationId)
            : Task.FromResult<VisitorSummary?>(null);

    /// <summary>
    /// The visitor's history with every agent (SPEC F7) for a visitor in this account's records scope (SPEC B: one of
    /// my conversations or one I served before; my group's for a team lead; anyone for QC and admins); nobody else's
    /// (scoped in the query path, not by hiding the tab).
    /// </summary>
    public async Task<IReadOnlyList<HistoryMessage>> VisitorHistoryAsync(long visitorId)
    {
        var visible = await _dataScope.MaySeeVisitorAsync(AgentId, Domain.Security.ScopedModule.Records, visitorId);
        return visible ? await _queries.VisitorHistoryAsync(visitorId) : [];
    }

    /// <summary>用户轨迹 (SPEC E3, F7) of a visitor whose history this agent may read.</summary>
    public async Task<IReadOnlyList<Visit>> VisitorTrajectoryAsync(long visitorId)
    {
        var visible = await _dataScope.MaySeeVisitorAsync(AgentId, Domain.Security.ScopedModule.Records, visitorId);
        return visible ? await _trajectory.VisitsAsync(visitorId) : [];
    }

    public Task<IReadOnlyList<RecentContact>> RecentContactsAsync() => _queries.RecentContactsAsync(AgentId);

    private void MarkRead(long conversationId) =>
        Mutate(s => s.Conversations.TryGetValue(conversationId, out var tile) && tile.Unread > 0
            ? s with { Conversations = s.Conversations.SetItem(conversationId, tile with { Unread = 0 }) }
            : s);

    private void StopMonitoring()
    {
        Interlocked.Exchange(ref _monitorSubscription, null)?.Dispose();
        var watching = State.Monitored is not null;
        Mutate(s => s.Monitored is not { } watched
            ? s
            : s with
            {
                Monitored = null,
                Threads = s.Conversations.ContainsKey(watched.Id) ? s.Threads : s.Threads.Remove(watched.Id),
                SelectedId = s.SelectedId == watched.Id ? TileOrder.ForList(s.Conversations.Values).FirstOrDefault()?.Id : s.SelectedId,
            });
        if (watching && State.SelectedId is { } next)
        {
            _ = EnsureThreadAsync(next);
        }
    }

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

    private async Task<bool> TryAsync(Func<Task> action, Action<RuleViolation>? onRefused = null)
    {
        try
        {
            await action();
            return true;
        }
        catch (RuleViolationException refused)
        {
            onRefused?.Invoke(refused.Violation);
            Toast(ConsoleToast.Refused(refused.Violation));
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending to conversation {ConversationId} failed; the agent may resend")]
    private partial void LogSendFailed(Exception exception, long conversationId);
}
