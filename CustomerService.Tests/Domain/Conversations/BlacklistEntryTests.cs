using CustomerService.Domain.Conversations;

namespace CustomerService.Tests.Domain.Conversations;

/// <summary>SPEC D11 黑名单: an entry blocks a visitor, an IP or both, and is lifted once.</summary>
public sealed class BlacklistEntryTests
{
    private static readonly DateTime CreatedAt = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void An_entry_keeps_the_visitor_the_trimmed_ip_and_reason_and_who_created_it()
    {
        var entry = new BlacklistEntry(5, 42, " 203.0.113.7 ", " 辱骂客服 ", 3, CreatedAt);

        Assert.Equal(
            (5L, (long?)42, "203.0.113.7", "辱骂客服", 3, CreatedAt),
            (entry.Id, entry.VisitorId, entry.Ip, entry.Reason, entry.CreatedByAccountId, entry.CreatedAt));
        Assert.True(entry.IsActive);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_visitor_without_an_ip_is_blocked_by_visitor_only(string? ip)
    {
        var entry = new BlacklistEntry(1, 42, ip, "广告", 3, CreatedAt);

        Assert.Null(entry.Ip);
    }

    [Fact]
    public void An_ip_alone_is_enough()
    {
        var entry = new BlacklistEntry(1, null, "203.0.113.7", "刷单", 3, CreatedAt);

        Assert.Equal((null, "203.0.113.7"), (entry.VisitorId, entry.Ip));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void An_entry_blocking_neither_visitor_nor_ip_is_a_programming_error(string? ip) =>
        Assert.Throws<ArgumentException>(() => new BlacklistEntry(1, null, ip, "广告", 3, CreatedAt));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void A_reason_is_required(string? reason) =>
        Assert.Equal("Required(Blacklist.Reason)", BlacklistEntry.CheckReason(reason)?.ToString());

    [Fact]
    public void A_reason_of_two_hundred_characters_is_accepted_and_one_more_is_too_long()
    {
        Assert.Null(BlacklistEntry.CheckReason(" " + new string('骂', 200) + " "));
        Assert.Equal("TooLong(Blacklist.Reason, 200)", BlacklistEntry.CheckReason(new string('骂', 201))?.ToString());
    }

    [Fact]
    public void Lifting_ends_the_block_and_records_who_lifted_it()
    {
        var entry = new BlacklistEntry(1, 42, null, "广告", 3, CreatedAt);

        entry.Lift(7, CreatedAt.AddDays(1));

        Assert.False(entry.IsActive);
        Assert.Equal(((DateTime?)CreatedAt.AddDays(1), (int?)7), (entry.LiftedAt, entry.LiftedByAccountId));
    }

    [Fact]
    public void Lifting_a_lifted_entry_keeps_the_first_lift_on_record()
    {
        var entry = new BlacklistEntry(1, 42, null, "广告", 3, CreatedAt);
        entry.Lift(7, CreatedAt.AddDays(1));

        entry.Lift(8, CreatedAt.AddDays(2));

        Assert.Equal(((DateTime?)CreatedAt.AddDays(1), (int?)7), (entry.LiftedAt, entry.LiftedByAccountId));
    }
}
