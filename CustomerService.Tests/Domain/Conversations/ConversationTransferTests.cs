using CustomerService.Domain.Conversations;

namespace CustomerService.Tests.Domain.Conversations;

/// <summary>SPEC D4: a transfer or invitation targets one agent or one group and is answered once.</summary>
public sealed class ConversationTransferTests
{
    private static readonly DateTime RequestedAt = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(null, null)]
    [InlineData(8, 3)]
    public void A_transfer_to_neither_or_both_an_agent_and_a_group_is_a_programming_error(int? toAgentId, int? toGroupId) =>
        Assert.Throws<ArgumentException>(() => new ConversationTransfer(1, 4, TransferKind.Transfer, 7, toAgentId, toGroupId, RequestedAt));

    [Fact]
    public void A_new_transfer_is_pending()
    {
        var transfer = new ConversationTransfer(1, 4, TransferKind.Invite, 7, null, 3, RequestedAt);

        Assert.True(transfer.IsPending);
        Assert.Equal((TransferKind.Invite, 7, null, (int?)3, RequestedAt), (transfer.Kind, transfer.FromAgentId, transfer.ToAgentId, transfer.ToGroupId, transfer.RequestedAt));
    }

    [Fact]
    public void Answering_records_the_outcome_who_answered_and_when()
    {
        var transfer = new ConversationTransfer(1, 4, TransferKind.Transfer, 7, null, 3, RequestedAt);

        transfer.Resolve(TransferOutcome.Accepted, 9, RequestedAt.AddSeconds(20));

        Assert.False(transfer.IsPending);
        Assert.Equal((TransferOutcome.Accepted, (int?)9, (DateTime?)RequestedAt.AddSeconds(20)), (transfer.Outcome, transfer.RespondedByAgentId, transfer.RespondedAt));
    }

    [Fact]
    public void A_transfer_is_answered_only_once()
    {
        var transfer = new ConversationTransfer(1, 4, TransferKind.Transfer, 7, 8, null, RequestedAt);
        transfer.Resolve(TransferOutcome.Declined, 8, RequestedAt.AddSeconds(20));

        Assert.Throws<InvalidOperationException>(() => transfer.Resolve(TransferOutcome.Accepted, 8, RequestedAt.AddSeconds(30)));

        Assert.Equal((TransferOutcome.Declined, (DateTime?)RequestedAt.AddSeconds(20)), (transfer.Outcome, transfer.RespondedAt));
    }
}
