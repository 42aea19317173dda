using CustomerService.Domain.Records;
using CustomerService.Domain.Reporting;
using CustomerService.Web.Features.Records;

namespace CustomerService.Tests.Features.Records;

/// <summary>The drill-down address of a records list (issue 11): what is written is read back, and nothing else is guessed.</summary>
public sealed class RecordListAddressTests
{
    [Fact]
    public void A_written_address_reads_back_as_the_same_filter()
    {
        var filter = new RecordFilter { AgentId = 3, AccountGroupId = 4, Rating = RatingFilter.Unrated, ProblemSolved = false };

        var address = RecordListAddress.For(new ReportPeriod(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31)), RecordList.All, filter);
        var (read, unreadable) = RecordListAddress.Read(3, 4, "Unrated", "false");

        Assert.Equal("/records?from=2026-03-01&to=2026-03-31&list=All&agent=3&accountGroup=4&rating=Unrated&solved=false", address);
        Assert.Equal(filter, read);
        Assert.False(unreadable);
    }

    [Theory]
    [InlineData("Great", null)]
    [InlineData("7", null)]
    [InlineData(null, "yes")]
    public void An_unreadable_rating_or_solved_value_is_left_out_and_said(string? rating, string? solved)
    {
        var (read, unreadable) = RecordListAddress.Read(null, null, rating, solved);

        Assert.Equal(new RecordFilter(), read);
        Assert.True(unreadable);
    }
}
