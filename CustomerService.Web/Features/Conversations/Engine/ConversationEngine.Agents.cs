using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Conversations.Engine;

/// <summary>What agents and admins ask of the engine (through the console, SPEC F).</summary>
public sealed partial class ConversationEngine
{
    /// <summary>An agent's console opened. An agent coming from Offline starts Online unless the enterprise says otherwise (SPEC N3).</summary>
    public Task<AgentPresenceView> AgentConnectedAsync(int agentId) => Submit(async batch =>
    {
        var agent = await RequireAgentAsync(batch, agentId);
        var presence = PresenceOf(agentId);
        presence.Connections++;
        presence.DisconnectedAt = null;
        if (presence.Status == AgentStatus.Offline || presence.AwaitingReconnect)
        {
            presence.AwaitingReconnect = false;
            var roster = await batch.RosterAsync();
            await ChangeStatusAsync(batch, presence, roster.AgentsStartOnline ? AgentStatus.Online : AgentStatus.Busy);
        }

        return PresenceView(presence, agent);
    });

    /// <summary>An agent's console closed; when none is left he becomes Offline after the grace period (SPEC D1).</summary>
    public Task AgentDisconnectedAsync(int agentId) => Submit(batch =>
    {
        var presence = PresenceOf(agentId);
        presence.Connections = Math.Max(0, presence.Connections - 1);
        if (presence.Connections == 0)
        {
            presence.DisconnectedAt = batch.Now;
        }

        return Task.CompletedTask;
    });

    /// <summary>
    /// Sets an agent's status (SPEC D1). Away and Offline end his conversations (the visitors may ask again); Online
    /// lets the queue flow to him.
    /// </summary>
    public Task<AgentPresenceView> SetStatusAsync(int agentId, AgentStatus status)
    {
        if (!Enum.IsDefined(status))
        {
            throw new RuleViolationException(new RuleViolation("AgentStatusUnknown"));
        }

        return Submit(async batch =>
        {
            var agent = await RequireAgentAsync(batch, agentId);
            var presence = PresenceOf(agentId);
            presence.AwaitingReconnect = false;
            await ChangeStatusAsync(batch, presence, status);
            return PresenceView(presence, agent);
        });
    }

    public Task<MessageView> AppendAgentMessageAsync(int agentId, long conversationId, string? clientId, string? text, Attachment? attachment = null)
    {
        var (kind, body) = CheckedContent(clientId, text, attachment);
        return Submit(async batch =>
        {
            var live = LiveOrNull(conversationId);
            if (live is null || live.Entity.ParticipantOf(agentId) is null)
            {
                return await StoredResendAsync(
                    batch, conversationId, clientId, c => batch.Db.Participants.Any(p => p.ConversationId == c.Id && p.AgentId == agentId));
            }

            if (clientId is not null && live.MessagesByClientId.TryGetValue(clientId, out var stored))
            {
                return stored;
            }

            return await AppendAsync(batch, live, MessageSender.Agent, agentId, kind, body, clientId, attachment: attachment);
        });
    }

    /// <summary>Ends a conversation from the console: by one of its agents, or by an admin (SPEC D5).</summary>
    public Task<ConversationView> EndByAgentAsync(int agentId, long conversationId) => EndByAgentAsync(agentId, conversationId, summary: null);

    /// <summary>Blocks the visitor of a conversation (SPEC D11) and ends it; with <paramref name="includeIp"/> his IP too.</summary>
    public Task<long> BlacklistVisitorAsync(int agentId, long conversationId, string reason, bool includeIp)
    {
        RuleViolationException.ThrowIf(BlacklistEntry.CheckReason(reason));
        return Submit(async batch =>
        {
            var live = LiveOrNull(conversationId) ?? throw new RuleViolationException(new RuleViolation("ConversationEnded"));
            if (live.Entity.ParticipantOf(agentId) is null && !await IsAdminAsync(batch, agentId))
            {
                throw new RuleViolationException(new RuleViolation("NotAParticipant"));
            }

            var entry = new BlacklistEntry(++_ids.Blacklist, live.VisitorId, includeIp ? live.Entity.VisitorIp : null, reason, agentId, batch.Now);
            batch.Db.Blacklist.Add(entry);
            _blacklist[entry.Id] = entry;
            await EndAsync(batch, live, EndReason.Blacklisted, agentId);
            return entry.Id;
        });
    }

    /// <summary>Blocks a visitor or an IP from the blacklist settings (SPEC D11).</summary>
    public Task<long> BlockAsync(int actorId, long? visitorId, string? ip, string reason)
    {
        RuleViolationException.ThrowIf(BlacklistEntry.CheckReason(reason)
            ?? (visitorId is null && string.IsNullOrWhiteSpace(ip) ? new RuleViolation("Required", "Blacklist.Target") : null));
        return Submit(batch =>
        {
            var entry = new BlacklistEntry(++_ids.Blacklist, visitorId, ip, reason, actorId, batch.Now);
            batch.Db.Blacklist.Add(entry);
            _blacklist[entry.Id] = entry;
            return Task.FromResult(entry.Id);
        });
    }

    public Task LiftBlacklistAsync(int actorId, long entryId) => Submit(batch =>
    {
        if (!_blacklist.Remove(entryId, out var entry))
        {
            throw new RuleViolationException(new RuleViolation("BlacklistEntryNotFound"));
        }

        batch.Track(entry).Lift(actorId, batch.Now);
        return Task.CompletedTask;
    });

    private async Task ChangeStatusAsync(EngineBatch batch, AgentPresence presence, AgentStatus status)
    {
        if (presence.Status == status && (status != AgentStatus.Offline || !_live.Values.Any(l => l.AgentIds.Contains(presence.AgentId))))
        {
            return;
        }

        if (presence.CurrentPeriod is { } period)
        {
            batch.Track(period).Close(batch.Now);
            presence.CurrentPeriod = null;
        }

        presence.Status = status;
        presence.Since = batch.Now;
        if (status != AgentStatus.Offline)
        {
            // Offline is not timed: login time is Online + Busy + Away (seed 002 工作时长 登录时长).
            presence.CurrentPeriod = new AgentStatusPeriod(presence.AgentId, status, batch.Now);
            batch.Db.AgentStatusPeriods.Add(presence.CurrentPeriod);
        }

        batch.Publish(new AgentStatusChanged(presence.AgentId, status, batch.Now, [EventTopic.Agent(presence.AgentId), EventTopic.Colleagues]));
        if (status is AgentStatus.Away or AgentStatus.Offline)
        {
            await WithdrawAgentAsync(batch, presence.AgentId, status == AgentStatus.Away ? EndReason.AgentAway : EndReason.AgentOffline);
            WithdrawInvitationsOf(batch, presence.AgentId);
        }
        else if (status == AgentStatus.Online)
        {
            batch.CapacityChanged = true;
        }
    }

    private static async Task<RosterAgent> RequireAgentAsync(EngineBatch batch, int agentId) =>
        (await batch.RosterAsync()).Agents.GetValueOrDefault(agentId) is { IsEnabled: true } agent
            ? agent
            : throw new RuleViolationException(new RuleViolation("AgentUnknown"));

    private AgentPresenceView PresenceView(AgentPresence presence, RosterAgent agent) =>
        new(presence.AgentId, presence.Status, presence.Since, LoadOf(presence.AgentId).Total, agent.MaxLoad);
}
