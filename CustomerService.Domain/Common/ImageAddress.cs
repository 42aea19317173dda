namespace CustomerService.Domain.Common;

/// <summary>An image address an admin may give for everyone to see (logo, unified avatar).</summary>
public static class ImageAddress
{
    /// <summary>Our own route, or an absolute http(s) address: anything else (javascript:, data:, //host) is refused.</summary>
    public static bool IsAllowed(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
            || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp));
    }
}
