using System.Net;
using System.Net.Sockets;

namespace CustomerService.Web.Features.Visitors.Geo;

/// <summary>How a region is written (SPEC E3, seed 002: 省 + 市, e.g. “广东省 深圳市”) and which addresses are 局域网.</summary>
public static class RegionNames
{
    /// <summary>What private, loopback and link-local addresses resolve to; shown localized by the console.</summary>
    public const string LocalNetwork = "局域网";

    /// <summary>The longest region stored with a page view (<c>PageView.Region</c>).</summary>
    public const int MaxLength = 64;

    /// <summary>
    /// A wider and a narrower place as one name: “江苏省 南京市”, “英国 London”, a municipality once (“北京” + “北京市” →
    /// “北京市”), either part alone when the other is unknown; null when both are. Callers pass the province inside
    /// China and the country elsewhere, as the seed shows regions (省 + 市).
    /// </summary>
    public static string? Format(string? wider, string? narrower)
    {
        var name = Join(wider, narrower);
        return name is null || name.Length <= MaxLength ? name : name[..MaxLength];
    }

    /// <summary>Private (RFC 1918, RFC 6598 shared, IPv6 unique-local), loopback, link-local and unspecified addresses.</summary>
    public static bool IsLocalNetwork(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> bytes = stackalloc byte[4];
            address.TryWriteBytes(bytes, out _);
            return bytes[0] is 0 or 10
                || (bytes[0] == 172 && bytes[1] is >= 16 and <= 31)
                || (bytes[0] == 192 && bytes[1] == 168)
                || (bytes[0] == 169 && bytes[1] == 254)
                || (bytes[0] == 100 && bytes[1] is >= 64 and <= 127);
        }

        return address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal
            || address.IsIPv6UniqueLocal;
    }

    /// <summary>An IPv4 address as the big-endian number ip2region indexes by.</summary>
    internal static uint ToNumber(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[4];
        address.TryWriteBytes(bytes, out _);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes);
    }

    private static string? Join(string? wider, string? narrower)
    {
        wider = string.IsNullOrWhiteSpace(wider) ? null : wider.Trim();
        narrower = string.IsNullOrWhiteSpace(narrower) ? null : narrower.Trim();
        if (wider is null || narrower is null)
        {
            return wider ?? narrower;
        }

        // A municipality is its own province (北京 / 北京市): name it once, in its longer form.
        return wider.TrimEnd('市') == narrower.TrimEnd('市')
            ? (narrower.Length >= wider.Length ? narrower : wider)
            : $"{wider} {narrower}";
    }
}
