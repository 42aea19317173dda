using CustomerService.Domain.Reporting;

namespace CustomerService.Tests.Domain.Reporting;

/// <summary>可挽回咨询 (SPEC I0): invalid waits below the average of the same list.</summary>
public sealed class RecoverableConsultationsTests
{
    [Fact]
    public void No_waits_none_recoverable()
    {
        Assert.Equal(0, RecoverableConsultations.Count([]));
    }

    [Fact]
    public void Waits_below_the_average_are_recoverable_and_one_equal_to_it_is_not()
    {
        Assert.Equal(1, RecoverableConsultations.Count([280_000, 115_000])); // average 197.5 s
        Assert.Equal(1, RecoverableConsultations.Count([100, 200, 300]));    // 200 equals the average
        Assert.Equal(0, RecoverableConsultations.Count([5, 5, 5]));
    }

    [Fact]
    public void A_null_list_is_an_error()
    {
        Assert.Throws<ArgumentNullException>(() => RecoverableConsultations.Count(null!));
    }

    [Fact]
    public void The_average_is_not_rounded_before_comparing()
    {
        // Average 1.5 ms: 1 is below it (an average truncated to 1 would say no), 2 is not.
        Assert.Equal(1, RecoverableConsultations.Count([1, 2]));
        Assert.Equal(2, RecoverableConsultations.Count([1, 1, 2])); // average 1.33
    }
}
