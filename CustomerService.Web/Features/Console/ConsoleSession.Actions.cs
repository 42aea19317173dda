using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using CustomerService.Web.Features.Conversations.Engine;

namespace CustomerService.Web.Features.Console;

/// <summary>
/// What the agent does from the console that the console must remember: what is selected or watched, what it is ending
/// (<c>_closing</c>), which offers it is answering (<c>_answering</c>). Each change is asked of the engine; a refusal comes
/// back as a toast. Calls that change nothing here (summaries, rating invitations, files, barge-in) are made by the
/// components on the engine directly.
/// </summary>
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
    /// 结束会话: the agent ends it, with its summary when he gives one (forced when the enterprise requires it, SPEC D10).
    /// It stays listed and open in the pane, greyed, for wrap-up (summary, customer notes) until the agent closes it
    /// (issue 15: ending used to blank the pane). An admin ending a colleague's is 同事会话's business.
    /// </summary>
    public async Task<bool> EndAsync(long conversationId, ConsultationSummary? summary = null)
    {
        ConversationView? endedView = null;
        var ended = await TryAsync(async () => endedView = await _engine.EndByAgentAsync(AgentId, conversationId, summary));
        if (endedView is not null)
        {
            // The engine's event follows through the pump; the tile turns ended now so the pane never shows a live
            // toolbar for a conversation that is over.
            UpdateTile(conversationId, t => t.With(endedView) with { Typing = null, PendingTransfer = null });
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
}
