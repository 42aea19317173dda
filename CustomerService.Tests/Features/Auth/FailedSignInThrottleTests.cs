using System.Net;
using CustomerService.Tests.Fakes;
using CustomerService.Web.Features.Auth;
using CustomerService.Web.Hosting;
using Microsoft.Extensions.Options;

namespace CustomerService.Tests.Features.Auth;

/// <summary>The sliding window of failed sign-ins per address (defaults: 10 per 60 seconds).</summary>
public sealed class FailedSignInThrottleTests
{
    private static readonly IPAddress Office = IPAddress.Parse("203.0.113.7");

    private readonly TestClock _clock = new();
    private readonly FailedSignInThrottle _throttle;

    public FailedSignInThrottleTests() => _throttle = new FailedSignInThrottle(_clock, Options.Create(new AuthOptions()));

    [Fact]
    public void Ten_failures_within_a_minute_stop_the_address_until_the_oldest_is_a_minute_old()
    {
        for (var i = 0; i < 9; i++)
        {
            _throttle.RecordFailure(Office);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Null(_throttle.RetryAfter(Office));
        _throttle.RecordFailure(Office);

        // The first failure was 9 s ago: it leaves the window in 51 s.
        Assert.Equal(TimeSpan.FromSeconds(51), _throttle.RetryAfter(Office));
        _clock.Advance(TimeSpan.FromSeconds(51));
        Assert.Null(_throttle.RetryAfter(Office));
    }

    [Fact]
    public void Other_addresses_are_not_affected()
    {
        for (var i = 0; i < 10; i++)
        {
            _throttle.RecordFailure(Office);
        }

        Assert.NotNull(_throttle.RetryAfter(Office));
        Assert.Null(_throttle.RetryAfter(IPAddress.Parse("203.0.113.8")));
        Assert.Null(_throttle.RetryAfter(null));
    }

    [Fact]
    public void An_ipv4_mapped_address_is_its_ipv4_address_and_ipv6_counts_per_64_block()
    {
        for (var i = 0; i < 10; i++)
        {
            _throttle.RecordFailure(IPAddress.Parse($"2001:db8:1:2::{i + 1:x}"));
            _throttle.RecordFailure(Office.MapToIPv6());
        }

        Assert.NotNull(_throttle.RetryAfter(IPAddress.Parse("2001:db8:1:2:ffff::1")));
        Assert.Null(_throttle.RetryAfter(IPAddress.Parse("2001:db8:1:3::1")));
        Assert.NotNull(_throttle.RetryAfter(Office));
    }
}
