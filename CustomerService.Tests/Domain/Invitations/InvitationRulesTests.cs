using CustomerService.Domain.Conversations;
using CustomerService.Domain.Invitations;

namespace CustomerService.Tests.Domain.Invitations;

/// <summary>Who may be invited by whom (SPEC D13 bad inputs).</summary>
public sealed class InvitationRulesTests
{
    private static readonly InvitationRequest Fine = new(
        AgentStatus.Online, AgentLoad: 2, AgentMaxLoad: 5, VisitorOnline: true, VisitorBlacklisted: false,
        VisitorInConversation: false, VisitorHasPendingInvitation: false);

    [Fact]
    public void An_online_agent_with_room_may_invite_a_visitor_on_the_site() => Assert.Null(InvitationRules.Check(Fine));

    [Theory]
    [InlineData(AgentStatus.Busy)]
    [InlineData(AgentStatus.Away)]
    [InlineData(AgentStatus.Offline)]
    public void An_agent_who_takes_no_new_conversations_may_not_invite(AgentStatus status) =>
        Assert.Equal("InvitationAgentNotOnline", InvitationRules.Check(Fine with { AgentStatus = status })!.Code);

    [Fact]
    public void An_agent_at_max_load_may_not_invite_and_one_below_may() 
    {
        Assert.Equal("InvitationAgentFull", InvitationRules.Check(Fine with { AgentLoad = 5 })!.Code);
        Assert.Null(InvitationRules.Check(Fine with { AgentLoad = 4 }));
    }

    [Fact]
    public void A_blacklisted_visitor_is_refused() =>
        Assert.Equal("InvitationVisitorBlacklisted", InvitationRules.Check(Fine with { VisitorBlacklisted = true })!.Code);

    [Fact]
    public void A_visitor_who_left_is_refused() =>
        Assert.Equal("InvitationVisitorLeft", InvitationRules.Check(Fine with { VisitorOnline = false })!.Code);

    [Fact]
    public void A_visitor_already_chatting_or_already_invited_is_refused()
    {
        Assert.Equal("InvitationVisitorInConversation", InvitationRules.Check(Fine with { VisitorInConversation = true })!.Code);
        Assert.Equal("InvitationVisitorAlreadyInvited", InvitationRules.Check(Fine with { VisitorHasPendingInvitation = true })!.Code);
    }

    [Fact]
    public void The_agents_own_state_is_said_first_when_several_rules_break() =>
        Assert.Equal("InvitationAgentFull", InvitationRules.Check(Fine with { AgentLoad = 5, VisitorOnline = false, VisitorBlacklisted = true })!.Code);
}
