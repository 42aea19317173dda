using CustomerService.Domain.Common;
using CustomerService.Domain.Invitations;

namespace CustomerService.Tests.Domain.Invitations;

/// <summary>The invitation lifecycle (SPEC D13): pending until accepted, declined or expired; every end is final.</summary>
public sealed class InvitationTests
{
    private static readonly DateTime Sent = new(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);

    private static Invitation NewInvitation(int lifetimeSeconds = 60) =>
        new(1, visitorId: 7, agentId: 3, entryId: 2, "  您好，需要帮忙吗？ ", Sent, TimeSpan.FromSeconds(lifetimeSeconds));

    [Fact]
    public void A_new_invitation_is_pending_with_its_trimmed_text_and_a_deadline()
    {
        var invitation = NewInvitation(lifetimeSeconds: 45);

        Assert.Equal(InvitationState.Pending, invitation.State);
        Assert.Equal("您好，需要帮忙吗？", invitation.Text);
        Assert.Equal(new DateTime(2026, 3, 2, 8, 0, 45, DateTimeKind.Utc), invitation.ExpiresAt);
        Assert.Null(invitation.AnsweredAt);
        Assert.Null(invitation.ConversationId);
    }

    [Fact]
    public void Accepting_records_the_conversation_and_the_moment()
    {
        var invitation = NewInvitation();

        invitation.Accept(conversationId: 99, Sent.AddSeconds(10));

        Assert.Equal(InvitationState.Accepted, invitation.State);
        Assert.Equal(99, invitation.ConversationId);
        Assert.Equal(Sent.AddSeconds(10), invitation.AnsweredAt);
    }

    [Fact]
    public void Declining_records_the_moment_and_no_conversation()
    {
        var invitation = NewInvitation();

        invitation.Decline(Sent.AddSeconds(5));

        Assert.Equal(InvitationState.Declined, invitation.State);
        Assert.Equal(Sent.AddSeconds(5), invitation.AnsweredAt);
        Assert.Null(invitation.ConversationId);
    }

    [Fact]
    public void An_answered_invitation_cannot_be_answered_again()
    {
        var invitation = NewInvitation();
        invitation.Decline(Sent.AddSeconds(5));

        var error = Assert.Throws<RuleViolationException>(() => invitation.Accept(12, Sent.AddSeconds(6)));

        Assert.Equal("InvitationAnswered", error.Violation.Code);
        Assert.Equal(InvitationState.Declined, invitation.State);
        Assert.Null(invitation.ConversationId);
    }

    [Fact]
    public void An_answer_at_or_after_the_deadline_is_refused_and_changes_nothing()
    {
        var invitation = NewInvitation(lifetimeSeconds: 60);

        var error = Assert.Throws<RuleViolationException>(() => invitation.Accept(12, Sent.AddSeconds(60)));

        Assert.Equal("InvitationExpired", error.Violation.Code);
        Assert.Equal(InvitationState.Pending, invitation.State);
    }

    [Fact]
    public void Expiry_happens_only_once_due_and_records_the_deadline_as_the_end()
    {
        var invitation = NewInvitation(lifetimeSeconds: 60);

        Assert.False(invitation.Expire(Sent.AddSeconds(59)));
        Assert.Equal(InvitationState.Pending, invitation.State);

        Assert.True(invitation.Expire(Sent.AddSeconds(75)));
        Assert.Equal(InvitationState.Expired, invitation.State);
        Assert.Equal(Sent.AddSeconds(60), invitation.AnsweredAt);
        Assert.False(invitation.Expire(Sent.AddSeconds(90)));
    }

    [Fact]
    public void An_accepted_invitation_never_expires()
    {
        var invitation = NewInvitation(lifetimeSeconds: 60);
        invitation.Accept(5, Sent.AddSeconds(30));

        Assert.False(invitation.Expire(Sent.AddSeconds(120)));
        Assert.Equal(InvitationState.Accepted, invitation.State);
    }

    [Fact]
    public void A_withdrawn_invitation_records_the_moment_and_is_final()
    {
        var invitation = NewInvitation(lifetimeSeconds: 60);

        invitation.Withdraw(Sent.AddSeconds(20));

        Assert.Equal(InvitationState.Withdrawn, invitation.State);
        Assert.Equal(Sent.AddSeconds(20), invitation.AnsweredAt);
        Assert.False(invitation.Expire(Sent.AddSeconds(90)));
        Assert.Equal("InvitationAnswered", Assert.Throws<RuleViolationException>(() => invitation.Accept(5, Sent.AddSeconds(21))).Violation.Code);
        Assert.Throws<InvalidOperationException>(() => invitation.Withdraw(Sent.AddSeconds(22)));
    }

    [Theory]
    [InlineData(null, "Required")]
    [InlineData("   ", "Required")]
    [InlineData("bell\a", "ControlCharacters")]
    public void Bad_texts_are_refused(string? text, string code) =>
        Assert.Equal(code, Invitation.CheckText(text)!.Code);

    [Fact]
    public void A_text_longer_than_200_characters_is_refused_and_200_are_fine()
    {
        Assert.Null(Invitation.CheckText(new string('好', 200)));
        Assert.Equal("TooLong", Invitation.CheckText(new string('好', 201))!.Code);
    }
}
