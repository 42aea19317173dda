using CustomerService.Domain.Conversations;
using CustomerService.Web.Features.Conversations.Engine;

namespace CustomerService.Web.Features.Console;

/// <summary>How each engine event changes the console (run by the pump, one at a time, in publication order).</summary>
public sealed partial class ConsoleSession
{
    private async Task ApplyAsync(EngineEvent engineEvent)
    {
        switch (engineEvent)
        {
            case MessageAppended appended:
                ApplyMessage(appended.Message);
                break;
            case ConversationChanged changed:
                await ApplyConversationAsync(changed.Conversation);
                break;
            case TypingPreviewed typing:
                UpdateTile(typing.ConversationId, t => t with { Typing = string.IsNullOrWhiteSpace(typing.Text) ? null : typing.Text });
                break;
            case TransferRequested requested:
                await ApplyTransferRequestedAsync(requested.Transfer);
                break;
            case TransferResolved resolved:
                ApplyTransferResolved(resolved.Transfer);
                break;
            case AgentStatusChanged status when status.AgentId == AgentId:
                Mutate(s => s with { Status = status.Status });
                var today = await _queries.WorkDayAsync(AgentId, Now);
                Mutate(s => s with { Today = today with { ConversationCount = Math.Max(today.ConversationCount, s.Today.ConversationCount) } });
                break;
            case QueueLengthChanged queue:
                Mutate(s => s.QueueLengths.GetValueOrDefault(queue.ReceptionGroupId, -1) == queue.Length
                    ? s
                    : s with { QueueLengths = s.QueueLengths.SetItem(queue.ReceptionGroupId, queue.Length) });
                break;
            case EvaluationRecorded evaluation:
                UpdateTile(evaluation.ConversationId, t => t with
                {
                    Evaluation = evaluation.FinalLevel,
                    EvaluationComment = evaluation.Comment,
                    ProblemSolved = evaluation.ProblemSolved,
                });
                break;
            default:
                break;
        }
    }

    private void ApplyMessage(MessageView message)
    {
        var alert = false;
        var id = message.ConversationId;
        Mutate(s =>
        {
            var next = s;
            if (s.Threads.TryGetValue(id, out var thread))
            {
                next = next with { Threads = next.Threads.SetItem(id, thread.With(message)) };
            }

            if (s.Conversations.TryGetValue(id, out var tile))
            {
                var fromVisitor = message.Sender == MessageSender.Visitor && message.Kind != MessageKind.Notice;
                alert = fromVisitor && message.Seq > tile.LastSeq;
                var unread = fromVisitor && (s.SelectedId != id || _pageHidden);
                next = next with { Conversations = next.Conversations.SetItem(id, tile.With(message, unread)) };
            }
            else if (s.Monitored?.Id == id)
            {
                next = next with { Monitored = s.Monitored.With(message, markUnread: false) };
            }

            return next;
        });
        if (alert)
        {
            Alerted?.Invoke(ConsoleAlert.VisitorMessage);
        }
    }

    private async Task ApplyConversationAsync(ConversationView view)
    {
        var state = State;
        var known = state.Conversations.ContainsKey(view.Id);
        if (view.State == ConversationState.Ended)
        {
            if (!known)
            {
                UpdateMonitored(view);
                return;
            }

            // My own status ended these (Away, Offline), or I left or blacklisted them here: gone from the list. Anything
            // else (I ended it, the visitor left, timeout, an admin) stays listed as ended, for wrap-up, until the agent
            // closes it (SPEC F3 快捷关闭).
            if (view.EndReason is EndReason.AgentAway or EndReason.AgentOffline || _closing.ContainsKey(view.Id))
            {
                Remove(view.Id);
            }
            else
            {
                UpdateTile(view.Id, t => t.With(view) with { Typing = null, PendingTransfer = null });
            }

            return;
        }

        var mine = view.Participants.Any(p => p.AgentId == AgentId);
        if (mine && known)
        {
            UpdateTile(view.Id, t => t.With(view));
        }
        else if (mine)
        {
            await AddConversationAsync(view);
        }
        else if (known)
        {
            // Handed over to a colleague, or I left it.
            Remove(view.Id);
        }
        else
        {
            UpdateMonitored(view);
        }
    }

    private async Task AddConversationAsync(ConversationView view)
    {
        var names = await _queries.VisitorNamesAsync([view.VisitorId]);
        // A transferred or joined conversation has a past: its tile shows the last thing said.
        var last = (await _queries.LastMessagesAsync([view.Id])).GetValueOrDefault(view.Id);
        var tile = ConversationTile.From(view, names.GetValueOrDefault(view.VisitorId));
        if (last is not null)
        {
            tile = tile with { LastMessage = last.Text, LastMessageAt = last.SentAt };
        }

        var selectIt = false;
        var wasMonitored = false;
        Mutate(s =>
        {
            if (s.Conversations.ContainsKey(view.Id))
            {
                return s;
            }

            selectIt = s.Selected is null || Interlocked.CompareExchange(ref _selectOnArrival, 0, view.Id) == view.Id;
            wasMonitored = s.Monitored?.Id == view.Id;
            return s with
            {
                Conversations = s.Conversations.Add(view.Id, tile),
                SelectedId = selectIt ? view.Id : s.SelectedId,
                Monitored = wasMonitored ? null : s.Monitored,
            };
        });
        if (wasMonitored)
        {
            // An admin barged into the conversation he was watching: it is his now, followed through his own topic.
            Interlocked.Exchange(ref _monitorSubscription, null)?.Dispose();
        }

        Alerted?.Invoke(ConsoleAlert.NewConversation);
        var today = await _queries.WorkDayAsync(AgentId, Now);
        Mutate(s => s with { Today = today });
        if (selectIt)
        {
            await EnsureThreadAsync(view.Id);
        }
    }

    private async Task ApplyTransferRequestedAsync(TransferView transfer)
    {
        if (transfer.FromAgentId == AgentId)
        {
            UpdateTile(transfer.ConversationId, t => t with { PendingTransfer = transfer });
            return;
        }

        var offer = await OfferOfAsync(transfer);
        Mutate(s => s.Offers.Any(o => o.Transfer.Id == transfer.Id) ? s : s with { Offers = s.Offers.Add(offer) });
        Alerted?.Invoke(ConsoleAlert.TransferOffered);
    }

    private void ApplyTransferResolved(TransferView transfer)
    {
        var hadOffer = false;
        Mutate(s =>
        {
            var offer = s.Offers.FirstOrDefault(o => o.Transfer.Id == transfer.Id);
            hadOffer = offer is not null;
            var next = offer is null ? s : s with { Offers = s.Offers.Remove(offer) };
            if (transfer.FromAgentId == AgentId && next.Conversations.TryGetValue(transfer.ConversationId, out var tile)
                && tile.PendingTransfer?.Id == transfer.Id)
            {
                next = next with { Conversations = next.Conversations.SetItem(tile.Id, tile with { PendingTransfer = null }) };
            }

            return next;
        });

        if (transfer.FromAgentId == AgentId)
        {
            var invite = transfer.Kind == TransferKind.Invite;
            switch (transfer.Outcome)
            {
                case TransferOutcome.Accepted:
                    Toast(ConsoleToast.Success(invite ? "Console.InviteAccepted" : "Console.TransferAccepted"));
                    break;
                case TransferOutcome.Declined:
                    Toast(ConsoleToast.Warning(invite ? "Console.InviteDeclined" : "Console.TransferDeclined"));
                    break;
                case TransferOutcome.Cancelled:
                    Toast(ConsoleToast.Info("Console.TransferCancelled"));
                    break;
                case TransferOutcome.Pending:
                    break;
            }
        }
        else if (hadOffer && !_answering.ContainsKey(transfer.Id))
        {
            Toast(ConsoleToast.Info("Console.OfferWithdrawn"));
        }
    }

    private void UpdateMonitored(ConversationView view) =>
        Mutate(s => s.Monitored?.Id == view.Id ? s with { Monitored = s.Monitored.With(view) with { Typing = null } } : s);

    private void UpdateTile(long conversationId, Func<ConversationTile, ConversationTile> change) =>
        Mutate(s => s.Conversations.TryGetValue(conversationId, out var tile)
            ? s with { Conversations = s.Conversations.SetItem(conversationId, change(tile)) }
            : s);

    /// <summary>Takes a conversation off my list; when it was open, the next one in the list opens.</summary>
    private void Remove(long conversationId)
    {
        _closing.TryRemove(conversationId, out _);
        Mutate(s =>
        {
            if (!s.Conversations.ContainsKey(conversationId))
            {
                return s;
            }

            var conversations = s.Conversations.Remove(conversationId);
            var selected = s.SelectedId == conversationId ? TileOrder.ForList(conversations.Values).FirstOrDefault()?.Id : s.SelectedId;
            return s with { Conversations = conversations, Threads = s.Threads.Remove(conversationId), SelectedId = selected };
        });
        if (State.SelectedId is { } next)
        {
            _ = EnsureThreadAsync(next);
        }
    }

    private async Task<TransferOffer> OfferOfAsync(TransferView transfer, CancellationToken cancellationToken = default)
    {
        var visitor = await _queries.VisitorOfConversationAsync(transfer.ConversationId, cancellationToken);
        string? groupName = null;
        if (transfer.ToGroupId is { } groupId)
        {
            groupName = State.QueueGroups.FirstOrDefault(g => g.Id == groupId)?.Name
                ?? (await _queries.ReceptionGroupsAsync(cancellationToken)).FirstOrDefault(g => g.Id == groupId)?.Name;
        }

        return new TransferOffer(transfer, visitor?.VisitorId ?? 0, visitor?.VisitorName, groupName);
    }
}
