using System.Net;
using CustomerService.Web.Features.Visitors.Api;

namespace CustomerService.Tests.Features.Visitors.Api;

public sealed class VisitorAddressTests
{
    [Theory]
    [InlineData("::ffff:203.0.113.9", "203.0.113.9")]
    [InlineData("203.0.113.9", "203.0.113.9")]
    [InlineData("2001:db8::1", "2001:db8::1")]
    public void An_ipv4_mapped_address_is_kept_as_plain_ipv4(string reported, string stored)
    {
        Assert.Equal(stored, VisitorAddress.Text(IPAddress.Parse(reported)));
    }
}
