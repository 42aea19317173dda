using CustomerService.Domain.Records;
using CustomerService.Web.Infrastructure;

namespace CustomerService.Tests.Infrastructure;

/// <summary>A link's enum value is read by its name only; anything else is said to be unreadable.</summary>
public sealed class LinkValueTests
{
    [Fact]
    public void A_name_reads_a_number_or_unknown_name_is_unreadable_and_absence_is_neither()
    {
        Assert.Equal((RatingFilter.Satisfied, false), LinkValue.Named<RatingFilter>("Satisfied"));
        Assert.Equal(((RatingFilter?)null, true), LinkValue.Named<RatingFilter>("4"));
        Assert.Equal(((RatingFilter?)null, true), LinkValue.Named<RatingFilter>("Delighted"));
        Assert.Equal(((RatingFilter?)null, true), LinkValue.Named<RatingFilter>(""));
        Assert.Equal(((RatingFilter?)null, false), LinkValue.Named<RatingFilter>(null));
    }
}
