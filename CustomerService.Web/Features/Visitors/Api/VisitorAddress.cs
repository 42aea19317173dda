using System.Net;

namespace CustomerService.Web.Features.Visitors.Api;

/// <summary>
/// The visitor's IP in one canonical text form, so a blacklist entry typed as <c>1.2.3.4</c> matches a visitor whom
/// Kestrel reports as <c>::ffff:1.2.3.4</c> (dual-stack sockets).
/// </summary>
public static class VisitorAddress
{
    public static IPAddress? Canonical(IPAddress? address) =>
        address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;

    public static string? Text(IPAddress? address) => Canonical(address)?.ToString();
}
