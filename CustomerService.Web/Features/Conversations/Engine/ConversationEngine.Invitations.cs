using System.Collections.Concurrent;
using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Invitations;
using CustomerService.Domain.Routing;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Conversations.Engine;

/// <summary>An invitation waiting for the visitor's answer, as the widget shows it (agent's external name and avatar).</summary>
public sealed record PendingInvitationView(long Id, long VisitorId, int AgentId, string AgentName, string? AgentAvatarUrl, string Text, DateTime ExpiresAt);

/// <summary>What an agent asks: invite this visitor, seen on a page of this entry, with this text (null: the default).</summary>
/// <param name="EntryCode">The entry of the page he is on; null when he is no longer on the site.</param>
public sealed record InviteRequest(int AgentId, long VisitorId, string? EntryCode, string? Text);

/// <summary>
/// The visitor's accept answered: the conversation with the inviting agent, or — when that agent could no longer take
/// him (<paramref name="WithdrawnBecause"/>) — what routing gave his request instead: another agent, the queue or the
/// leave-message form (SPEC D13, D2). Either way the invitation is no longer pending.
/// </summary>
public sealed record InvitationAnswer(StartResult Result, RuleViolation? WithdrawnBecause = null);

/// <summary>
/// 主动邀请 (SPEC D13, seed 004). The engine owns invitations because accepting one opens a conversation already assigned
/// to the inviting agent, and whether he may invite depends on his live status and load: both are decided in the loop,
/// so two invitations can never take his last slot. A pending invitation holds a slot of his load until answered.
/// </summary>
public sealed partial class ConversationEngine
{
    /// <summary>The automatic rule invites a visitor at most once in this period (ADR 021).</summary>
    public static readonly TimeSpan AutoInviteQuietPeriod = TimeSpan.FromHours(1);

    /// <summary>
    /// How long after a withdrawal an accept of it is still honoured as an ordinary request: the widget takes the box
    /// down at its next presence poll (5 s), so a click in between is a real yes, answered late by a slow network.
    /// </summary>
    public static readonly TimeSpan WithdrawnAcceptGrace = TimeSpan.FromSeconds(30);

    // Written by the loop only; concurrent because the widget's presence poll reads it from request threads, so polling
    // thousands of visitors never queues behind the engine's writes.
    private readonly ConcurrentDictionary<long, PendingInvitation> _pendingInvitations = new();

    /// <summary>The invitation waiting for this visitor, if any (read without the loop: see <see cref="_pendingInvitations"/>).</summary>
    public PendingInvitationView? PendingInvitationFor(long visitorId, DateTime now) =>
        _pendingInvitations.TryGetValue(visitorId, out var pending) && now < pending.View.ExpiresAt ? pending.View : null;

    /// <summary>Invites a visitor browsing the site to chat with the agent (SPEC D13); every refusal changes nothing.</summary>
    public Task<PendingInvitationView> InviteAsync(InviteRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Text is not null)
        {
            RuleViolationException.ThrowIf(Invitation.CheckText(request.Text));
        }

        return Submit(async batch =>
        {
            var roster = await batch.RosterAsync();
            var agent = await RequireAgentAsync(batch, request.AgentId);
            var entry = request.EntryCode is null ? null : roster.EntriesByCode.GetValueOrDefault(request.EntryCode);

            // The visitor is on a page of this entry; only its reception group's members may speak for it (SPEC B scope).
            if (entry is not null && !roster.MembersOf(entry.ReceptionGroupId).Any(m => m.AgentId == request.AgentId))
            {
                throw new RuleViolationException(new RuleViolation("InvitationOutsideGroups"));
            }

            var visitor = await batch.Db.Visitors.FindAsync([request.VisitorId], batch.CancellationToken)
                ?? throw new RuleViolationException(new RuleViolation("VisitorUnknown"));
            // A colleague's private contact goes to him alone (SPEC D2.2), invited or not: as the automatic rule has it.
            if (_privateContacts.TryGetValue(visitor.Id, out var owner) && owner != request.AgentId)
            {
                throw new RuleViolationException(new RuleViolation("InvitationColleaguesPrivateContact"));
            }

            RuleViolationException.ThrowIf(InvitationRules.Check(new InvitationRequest(
                RoutingStatusOf(agent.Id),
                LoadOf(agent.Id).Total,
                agent.MaxLoad,
                entry is not null,
                IsBlacklisted(visitor.Id, visitor.LastIp),
                _openByVisitor.ContainsKey(visitor.Id),
                _pendingInvitations.ContainsKey(visitor.Id))));

            var settings = await InvitationSettingsAsync(batch);
            var invitation = new Invitation(
                ++_ids.Invitation, visitor.Id, agent.Id, entry!.Id, request.Text ?? settings.DefaultText, batch.Now, settings.Lifetime);
            batch.Db.Invitations.Add(invitation);
            var pending = new PendingInvitation(invitation, new PendingInvitationView(
                invitation.Id, visitor.Id, agent.Id, agent.ExternalName, agent.AvatarUrl, invitation.Text, invitation.ExpiresAt));
            _pendingInvitations[visitor.Id] = pending;
            return pending.View;
        });
    }

    /// <summary>
    /// The visitor accepts: a conversation starts, already assigned to the inviting agent (the invitation held his slot),
    /// and the invitation records it — that link is the 「主动邀请」 source of 数据分析. When the agent can no longer take
    /// him (disabled, Away or Offline, or full because his max load was lowered), the invitation is withdrawn and the
    /// request is routed like any other, in this same step, so the visitor always gets an answer and nothing stays pending.
    /// </summary>
    public Task<InvitationAnswer> AcceptInvitationAsync(long visitorId, long invitationId, bool isVip, StartContext? context = null) => Submit(async batch =>
    {
        var withdrawn = _pendingInvitations.TryGetValue(visitorId, out var held) && held.Entity.Id == invitationId
            ? null
            : await WithdrawnWhileShownAsync(batch, visitorId, invitationId);
        var invitation = withdrawn ?? RequirePendingInvitation(visitorId, invitationId, batch.Now).Entity;
        var roster = await batch.RosterAsync();
        var visitor = await batch.Db.Visitors.FindAsync([visitorId], batch.CancellationToken)
            ?? throw new RuleViolationException(new RuleViolation("VisitorUnknown"));
        var entry = roster.EntriesById.GetValueOrDefault(invitation.EntryId)
            ?? throw new RuleViolationException(new RuleViolation("EntryUnknown"));
        context ??= new StartContext();
        if (withdrawn is not null)
        {
            // His agent went Away or Offline after the widget showed the box, before its next poll took it down: the
            // visitor's yes stands as an ordinary request, and the answer tells him it is not with the agent he expected.
            return new InvitationAnswer(
                await OpenRequestOfAsync(batch, visitorId) ?? await RouteRequestAsync(batch, visitor, entry, isVip, context),
                new RuleViolation("InvitationAgentGone"));
        }

        // Checked while his slot is still held, so the load counts this invitation once.
        var refusal = InviterCannotTake(roster, invitation.AgentId)
            ?? (IsBlacklisted(visitorId, context.VisitorIp ?? visitor.LastIp) ? new RuleViolation("InvitationVisitorBlacklisted") : null)
            ?? (_openByVisitor.ContainsKey(visitorId) ? new RuleViolation("InvitationVisitorInConversation") : null);
        _pendingInvitations.TryRemove(visitorId, out _);
        if (refusal is not null)
        {
            batch.Track(invitation).Withdraw(batch.Now);
            batch.CapacityChanged = true;
            return new InvitationAnswer(
                await OpenRequestOfAsync(batch, visitorId) ?? await RouteRequestAsync(batch, visitor, entry, isVip, context), refusal);
        }

        var conversation = new Conversation(
            ++_ids.Conversation, visitorId, entry.Id, entry.ReceptionGroupId, isVip || visitor.IsVip, batch.Now, context);
        batch.Db.Conversations.Add(conversation);
        var live = new LiveConversation(conversation, visitor.LastAgentId, visitor.AgentBeforeLastId);
        _live[conversation.Id] = live;
        _openByVisitor[visitorId] = conversation.Id;
        batch.Track(invitation).Accept(conversation.Id, batch.Now);
        await AssignAsync(batch, live, invitation.AgentId, AssignmentReason.Invitation, visitor);
        return new InvitationAnswer(new StartResult(StartOutcome.Active, await ViewAsync(batch, live)));
    });

    /// <summary>Why the inviting agent cannot take the visitor who accepts now; null when he can.</summary>
    private RuleViolation? InviterCannotTake(Roster roster, int agentId) =>
        roster.Agents.GetValueOrDefault(agentId) is not { IsEnabled: true } agent
            || RoutingStatusOf(agentId) is AgentStatus.Away or AgentStatus.Offline
            ? new RuleViolation("InvitationAgentGone")
            : !LoadOf(agentId).MayTakeAcceptedInvitationUnder(agent.MaxLoad)
                ? new RuleViolation("InvitationAgentFull")
                : null;

    public Task DeclineInvitationAsync(long visitorId, long invitationId) => Submit(batch =>
    {
        var pending = RequirePendingInvitation(visitorId, invitationId, batch.Now);
        batch.Track(pending.Entity).Decline(batch.Now);
        _pendingInvitations.TryRemove(visitorId, out _);

        // The slot the invitation held is free: a queued visitor may take it now, not at the next tick.
        batch.CapacityChanged = true;
        return Task.CompletedTask;
    });

    /// <summary>The settings' automatic rule invites through an agent the router would choose now (never a full or absent one).</summary>
    public Task<PendingInvitationView?> AutoInviteAsync(long visitorId, string entryCode) => Submit(async batch =>
    {
        if (_pendingInvitations.ContainsKey(visitorId) || _openByVisitor.ContainsKey(visitorId)
            || await batch.Db.Invitations.AnyAsync(i => i.VisitorId == visitorId && i.CreatedAt >= batch.Now - AutoInviteQuietPeriod, batch.CancellationToken))
        {
            // Asked once in a while at most: an invitation the visitor declined or ignored is his answer for this visit.
            return null;
        }

        var roster = await batch.RosterAsync();
        var visitor = await batch.Db.Visitors.FindAsync([visitorId], batch.CancellationToken);
        if (visitor is null || roster.EntriesByCode.GetValueOrDefault(entryCode) is not { } entry || IsBlacklisted(visitorId, visitor.LastIp))
        {
            return null;
        }

        // The snapshot's loads count pending invitations (AgentLoad), so a full agent is never chosen.
        var snapshot = Snapshot(roster, entry.ReceptionGroupId, visitorId, visitor.IsVip, visitor.LastIp, visitor.LastAgentId, visitor.AgentBeforeLastId)
            with { PrivateContact = null };
        int? agentId = null;
        if (_privateContacts.TryGetValue(visitorId, out var contactId))
        {
            // A private contact is invited by his own agent or by nobody (SPEC D2.2).
            agentId = contactId;
        }
        else if (ConversationRouter.Route(snapshot) is { Outcome: RoutingOutcome.AssignToAgent assign } decision)
        {
            // The rotation advances as for a request, so automatic invitations spread over the tier like conversations do.
            StoreRoundRobin(batch, entry.ReceptionGroupId, decision.RoundRobin);
            agentId = assign.AgentId;
        }

        if (agentId is not { } chosen || roster.Agents.GetValueOrDefault(chosen) is not { IsEnabled: true } agent
            || InvitationRules.Check(new InvitationRequest(
                RoutingStatusOf(chosen), LoadOf(chosen).Total, agent.MaxLoad, true, false, false, false)) is not null)
        {
            return null;
        }

        var settings = await InvitationSettingsAsync(batch);
        var invitation = new Invitation(++_ids.Invitation, visitorId, chosen, entry.Id, settings.DefaultText, batch.Now, settings.Lifetime);
        batch.Db.Invitations.Add(invitation);
        var pending = new PendingInvitation(invitation, new PendingInvitationView(
            invitation.Id, visitorId, chosen, agent.ExternalName, agent.AvatarUrl, invitation.Text, invitation.ExpiresAt));
        _pendingInvitations[visitorId] = pending;
        return pending.View;
    });

    /// <summary>Invitations nobody answered in time end as expired (ignored), freeing the agent's reserved slot.</summary>
    private void ExpireInvitations(EngineBatch batch)
    {
        foreach (var pending in _pendingInvitations.Values.Where(p => p.Entity.IsDue(batch.Now)).ToList())
        {
            batch.Track(pending.Entity).Expire(batch.Now);
            _pendingInvitations.TryRemove(pending.Entity.VisitorId, out _);
            batch.CapacityChanged = true;
        }
    }

    /// <summary>
    /// An agent who goes Away or Offline can answer no one: his pending invitations end now, recorded as withdrawn, so the
    /// visitors' widgets take them down at their next poll instead of offering a chat with nobody.
    /// </summary>
    private void WithdrawInvitationsOf(EngineBatch batch, int agentId)
    {
        foreach (var pending in _pendingInvitations.Values.Where(p => p.Entity.AgentId == agentId).ToList())
        {
            batch.Track(pending.Entity).Withdraw(batch.Now);
            _pendingInvitations.TryRemove(pending.Entity.VisitorId, out _);
        }
    }

    private async Task LoadPendingInvitationsAsync(Data.CustomerServiceDbContext db, CancellationToken cancellationToken)
    {
        _pendingInvitations.Clear();
        var roster = await Roster.LoadAsync(db, cancellationToken);
        foreach (var invitation in await db.Invitations.AsNoTracking().Where(i => i.State == InvitationState.Pending).ToListAsync(cancellationToken))
        {
            var agent = roster.Agents.GetValueOrDefault(invitation.AgentId);
            _pendingInvitations[invitation.VisitorId] = new PendingInvitation(invitation, new PendingInvitationView(
                invitation.Id, invitation.VisitorId, invitation.AgentId, agent?.ExternalName ?? string.Empty, agent?.AvatarUrl,
                invitation.Text, invitation.ExpiresAt));
        }
    }

    /// <summary>
    /// This visitor's invitation, withdrawn so recently (<see cref="WithdrawnAcceptGrace"/>) that his widget may still have
    /// been showing it when he accepted; null otherwise (then the accept is refused as any other non-pending one).
    /// </summary>
    private static Task<Invitation?> WithdrawnWhileShownAsync(EngineBatch batch, long visitorId, long invitationId)
    {
        var since = batch.Now - WithdrawnAcceptGrace;
        return batch.Db.Invitations.AsNoTracking().SingleOrDefaultAsync(
            i => i.Id == invitationId && i.VisitorId == visitorId && i.State == InvitationState.Withdrawn
                && i.ConversationId == null && i.AnsweredAt >= since && i.ExpiresAt > batch.Now,
            batch.CancellationToken);
    }

    private PendingInvitation RequirePendingInvitation(long visitorId, long invitationId, DateTime now)
    {
        if (!_pendingInvitations.TryGetValue(visitorId, out var pending) || pending.Entity.Id != invitationId)
        {
            // Someone else's, an answered one and an unknown one look alike: nothing to answer.
            throw new RuleViolationException(new RuleViolation("InvitationNotFound"));
        }

        RuleViolationException.ThrowIf(pending.Entity.CheckAnswerable(now));
        return pending;
    }

    private static async Task<InvitationSettings> InvitationSettingsAsync(EngineBatch batch) =>
        await batch.Db.InvitationSettings.AsNoTracking().SingleOrDefaultAsync(batch.CancellationToken) ?? InvitationSettings.CreateDefault();

    private sealed record PendingInvitation(Invitation Entity, PendingInvitationView View);
}
