using CustomerService.Domain.Conversations;

namespace CustomerService.Web.Features.Conversations.Engine;

/// <summary>Work driven by time (SPEC D1 grace period, D3 sweep, D8 auto-replies, idle closing), all read from <see cref="TimeProvider"/>.</summary>
public sealed partial class ConversationEngine
{
    /// <summary>
    /// One pass of every timer. <see cref="EngineTicker"/> calls it every <see cref="EngineOptions.TickInterval"/>; tests
    /// move a fake clock and call it themselves.
    /// </summary>
    public Task TickAsync() => Submit(async batch =>
    {
        await ExpirePresenceAsync(batch);
        await SendDueAutoRepliesAsync(batch);
        await CloseIdleConversationsAsync(batch);
        await AbandonGoneVisitorsAsync(batch);
        ExpireInvitations(batch);

        // The sweep: whatever changed capacity without the engine hearing of it (a max load raised in settings, a
        // member added) still reaches the queue within one tick.
        batch.CapacityChanged = true;
    });

    private async Task ExpirePresenceAsync(EngineBatch batch)
    {
        foreach (var presence in _presence.Values.ToList())
        {
            if (presence.Connections == 0 && presence.DisconnectedAt is { } gone
                && batch.Now - gone >= _options.PresenceGracePeriod
                && (presence.Status != AgentStatus.Offline || presence.AwaitingReconnect))
            {
                presence.AwaitingReconnect = false;
                presence.DisconnectedAt = null;
                await ChangeStatusAsync(batch, presence, AgentStatus.Offline);
            }
        }
    }

    private async Task SendDueAutoRepliesAsync(EngineBatch batch)
    {
        var settings = await batch.SettingsAsync();
        var agentWait = TimeSpan.FromSeconds(settings.AgentWaitSeconds);
        var visitorNoReply = TimeSpan.FromSeconds(settings.VisitorNoReplySeconds);
        foreach (var live in _live.Values.Where(l => l.IsActive).ToList())
        {
            var entity = live.Entity;
            if (entity.AgentWaitReplyDue(batch.Now, agentWait))
            {
                batch.Track(entity).MarkAgentWaitReplySent();
                var text = (await batch.AutoRepliesForAsync(entity.AgentId!.Value)).AgentWait;
                if (!string.IsNullOrWhiteSpace(text))
                {
                    await AppendAsync(batch, live, MessageSender.System, null, MessageKind.Text, text);
                }
            }
            else if (entity.VisitorNoReplyDue(batch.Now, visitorNoReply))
            {
                batch.Track(entity).MarkVisitorNoReplySent();
                var text = (await batch.AutoRepliesForAsync(entity.AgentId!.Value)).VisitorNoReply;
                if (!string.IsNullOrWhiteSpace(text))
                {
                    await AppendAsync(batch, live, MessageSender.System, null, MessageKind.Text, text);
                }
            }
        }
    }

    /// <summary>
    /// SPEC D3: queued visitors who are gone are abandoned, so those behind them move up. Only queued ones: an active
    /// conversation whose visitor left is the idle rule's business.
    /// </summary>
    private async Task AbandonGoneVisitorsAsync(EngineBatch batch)
    {
        foreach (var live in _live.Values.Where(l => l.IsQueued).ToList())
        {
            // Signs of life are not persisted (a write per poll per waiting visitor is too dear for what it buys), so
            // after a restart nobody has been seen: the start of this process is the earliest last sign we can vouch
            // for, and a visitor who does not come back is abandoned one timeout after it, his wait measured to it.
            // Messages are persisted, so a visitor's last message still counts across a restart.
            var entity = live.Entity;
            var lastSign = Latest(
                _liveness.LastSignOfLife(live.Id, batch.Now) ?? _startedAt, entity.QueuedSince, entity.LastVisitorMessageAt);
            if (entity.QueuedVisitorGone(lastSign, batch.Now, _options.QueuedVisitorTimeout))
            {
                await EndAsync(batch, live, EndReason.VisitorGone, null, end: c => c.AbandonQueue(lastSign, batch.Now));
            }
        }

        _liveness.Prune(_live.ContainsKey);
    }

    private static DateTime Latest(DateTime first, DateTime second, DateTime? third)
    {
        var latest = first > second ? first : second;
        return third is { } value && value > latest ? value : latest;
    }

    private async Task CloseIdleConversationsAsync(EngineBatch batch)
    {
        var settings = await batch.SettingsAsync();
        if (settings.IdleCloseMinutes <= 0)
        {
            return;
        }

        var idleAfter = TimeSpan.FromMinutes(settings.IdleCloseMinutes);
        foreach (var live in _live.Values.Where(l => l.Entity.IsIdle(batch.Now, idleAfter)).ToList())
        {
            await EndAsync(batch, live, EndReason.Timeout, null);
        }
    }
}
