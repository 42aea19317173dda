using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Organisation;
using CustomerService.Tests.Builders;
using CustomerService.Web.Features.Conversations.Engine;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Features.Conversations.Engine;

/// <summary>SPEC D4: transfer with accept/decline, invitation (three-way), barge-in.</summary>
public sealed class EngineTransferTests
{
    [Fact]
    public async Task Accepted_transfer_hands_the_conversation_over_and_the_original_agent_leaves()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var (a, b, conversationId) = await TwoAgentsWithConversationAsync(scenario);
        var offers = new List<EngineEvent>();
        using var subscription = scenario.Events.Subscribe(EventTopic.Agent(b), e => { lock (offers) { offers.Add(e); } });

        var transfer = await scenario.Engine.RequestTransferAsync(a, conversationId, TransferTarget.ToAgent(b));
        Assert.Contains(offers, e => e is TransferRequested r && r.Transfer.Id == transfer.Id);
        await scenario.Engine.RespondToTransferAsync(b, transfer.Id, accept: true);

        var conversation = (await scenario.Engine.GetConversationAsync(conversationId))!;
        Assert.Equal(b, conversation.AgentId);
        Assert.Equal([b], conversation.Participants.Select(p => p.AgentId));
        Assert.Empty(await scenario.Engine.GetConversationsOfAgentAsync(a));
        await using var db = scenario.NewContext();
        Assert.Equal(TransferOutcome.Accepted, (await db.Transfers.SingleAsync()).Outcome);
        Assert.Contains(await db.Messages.ToListAsync(), m => m.Notice == NoticeCode.Transferred);
    }

    [Fact]
    public async Task Declined_transfer_leaves_the_conversation_with_the_original_agent()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var (a, b, conversationId) = await TwoAgentsWithConversationAsync(scenario);

        var transfer = await scenario.Engine.RequestTransferAsync(a, conversationId, TransferTarget.ToAgent(b));
        var answer = await scenario.Engine.RespondToTransferAsync(b, transfer.Id, accept: false);

        Assert.Equal(TransferOutcome.Declined, answer.Outcome);
        Assert.Equal(a, (await scenario.Engine.GetConversationAsync(conversationId))!.AgentId);
    }

    [Fact]
    public async Task Transfer_to_an_agent_who_just_went_away_is_refused_and_changes_nothing()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var (a, b, conversationId) = await TwoAgentsWithConversationAsync(scenario);
        await scenario.Engine.SetStatusAsync(b, AgentStatus.Away);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(
            () => scenario.Engine.RequestTransferAsync(a, conversationId, TransferTarget.ToAgent(b)));

        Assert.Equal("TransferTargetUnavailable", refused.Violation.Code);
        Assert.Equal(a, (await scenario.Engine.GetConversationAsync(conversationId))!.AgentId);
        await using var db = scenario.NewContext();
        Assert.Empty(db.Transfers);
    }

    [Fact]
    public async Task A_pending_transfer_is_withdrawn_when_its_target_goes_away()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var (a, b, conversationId) = await TwoAgentsWithConversationAsync(scenario);
        var transfer = await scenario.Engine.RequestTransferAsync(a, conversationId, TransferTarget.ToAgent(b));

        await scenario.Engine.SetStatusAsync(b, AgentStatus.Away);

        var late = await Assert.ThrowsAsync<RuleViolationException>(() => scenario.Engine.RespondToTransferAsync(b, transfer.Id, true));
        Assert.Equal("TransferNotPending", late.Violation.Code);
        await using var db = scenario.NewContext();
        Assert.Equal(TransferOutcome.Cancelled, (await db.Transfers.SingleAsync()).Outcome);
    }

    [Fact]
    public async Task Group_transfer_goes_to_the_member_who_accepts()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var (a, _, conversationId) = await TwoAgentsWithConversationAsync(scenario);
        var c = await scenario.AddAgentAsync("c");
        await scenario.AddGroupWithEntryAsync("aftersale", new MemberAssignment(c, 0));
        await scenario.OnlineAsync(c);
        var afterSale = await scenario.GroupIdOfEntryAsync("aftersale");

        var transfer = await scenario.Engine.RequestTransferAsync(a, conversationId, TransferTarget.ToGroup(afterSale));
        Assert.Single(await scenario.Engine.GetPendingTransfersForAsync(c));
        await scenario.Engine.RespondToTransferAsync(c, transfer.Id, accept: true);

        Assert.Equal(c, (await scenario.Engine.GetConversationAsync(conversationId))!.AgentId);
    }

    [Fact]
    public async Task Accepted_invitation_makes_a_three_way_conversation_and_any_agent_may_leave()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var (a, b, conversationId) = await TwoAgentsWithConversationAsync(scenario);

        var invite = await scenario.Engine.RequestTransferAsync(a, conversationId, TransferTarget.ToAgent(b), TransferKind.Invite);
        await scenario.Engine.RespondToTransferAsync(b, invite.Id, accept: true);
        var threeWay = (await scenario.Engine.GetConversationAsync(conversationId))!;
        Assert.Equal([a, b], threeWay.Participants.Select(p => p.AgentId).Order());
        var reply = await scenario.Engine.AppendAgentMessageAsync(b, conversationId, null, "我是同事，来帮忙");
        Assert.Equal(b, reply.AgentId);

        await scenario.Engine.LeaveConversationAsync(a, conversationId);

        var afterLeave = (await scenario.Engine.GetConversationAsync(conversationId))!;
        Assert.Equal(b, afterLeave.AgentId);
        Assert.Equal([b], afterLeave.Participants.Select(p => p.AgentId));
    }

    [Fact]
    public async Task Only_an_admin_can_barge_into_a_colleagues_conversation()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var (_, b, conversationId) = await TwoAgentsWithConversationAsync(scenario);
        var admin = await scenario.AddAgentAsync("boss", role: AccountRole.Admin);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => scenario.Engine.BargeInAsync(b, conversationId));
        Assert.Equal("AdminOnly", refused.Violation.Code);

        var joined = await scenario.Engine.BargeInAsync(admin, conversationId);
        Assert.Contains(joined.Participants, p => p.AgentId == admin && p.Role == ParticipantRole.BargedIn);
        await scenario.Engine.AppendAgentMessageAsync(admin, conversationId, null, "主管插入");
    }

    [Fact]
    public async Task Accepting_a_transfer_at_max_load_is_refused()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var a = await scenario.AddAgentAsync("a");
        var b = await scenario.AddAgentAsync("b", maxLoad: 1);
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(a, 0));
        var other = await scenario.AddGroupWithEntryAsync("other", new MemberAssignment(b, 0));
        await scenario.OnlineAsync(a, b);
        var conversationId = await scenario.StartActiveAsync(entry);
        await scenario.StartActiveAsync(other);

        var transfer = await scenario.Engine.RequestTransferAsync(a, conversationId, TransferTarget.ToAgent(b));
        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => scenario.Engine.RespondToTransferAsync(b, transfer.Id, true));

        Assert.Equal("AgentAtMaxLoad", refused.Violation.Code);
        Assert.Equal(a, (await scenario.Engine.GetConversationAsync(conversationId))!.AgentId);
    }

    [Fact]
    public async Task Participants_and_a_pending_offer_are_stored_and_recovered_after_a_restart()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var (a, b, conversationId) = await TwoAgentsWithConversationAsync(scenario);
        var c = await scenario.AddAgentAsync("c");
        await scenario.OnlineAsync(c);
        var invitation = await scenario.Engine.RequestTransferAsync(a, conversationId, TransferTarget.ToAgent(b), TransferKind.Invite);
        await scenario.Engine.RespondToTransferAsync(b, invitation.Id, accept: true);
        var pending = await scenario.Engine.RequestTransferAsync(a, conversationId, TransferTarget.ToAgent(c));

        await scenario.RestartAsync();
        await scenario.OnlineAsync(a, b, c);

        var recovered = (await scenario.Engine.GetConversationAsync(conversationId))!;
        Assert.Equal([(a, ParticipantRole.Owner), (b, ParticipantRole.Invited)], recovered.Participants.Select(p => (p.AgentId, p.Role)));
        Assert.Equal([pending.Id], (await scenario.Engine.GetPendingTransfersForAsync(c)).Select(t => t.Id));
        await scenario.Engine.RespondToTransferAsync(c, pending.Id, accept: true);
        Assert.Equal(c, (await scenario.Engine.GetConversationAsync(conversationId))!.AgentId);
        await using var db = scenario.NewContext();
        Assert.Equal(3, await db.Participants.CountAsync(p => p.ConversationId == conversationId));
        Assert.Equal(TransferOutcome.Accepted, (await db.Transfers.SingleAsync(t => t.Id == pending.Id)).Outcome);
    }

    private static async Task<(int A, int B, long ConversationId)> TwoAgentsWithConversationAsync(EngineScenario scenario)
    {
        var a = await scenario.AddAgentAsync("a");
        var b = await scenario.AddAgentAsync("b");
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(a, 0), new MemberAssignment(b, 1));
        await scenario.OnlineAsync(a, b);
        return (a, b, await scenario.StartActiveAsync(entry));
    }
}
