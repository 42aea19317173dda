using System.Security.Cryptography;
using System.Text;

namespace CustomerService.Web.Features.Visitors.Api;

/// <summary>
/// The visitor's bearer secret (SPEC N2 <c>X-Visitor-Token</c>): 256 random bits, shown once to the visitor's browser;
/// the database keeps only its SHA-256, so a leaked database does not let anyone act as a visitor.
/// </summary>
public static class VisitorToken
{
    public const string Header = "X-Visitor-Token";

    /// <summary>EventSource cannot send headers, so the event stream also accepts the token as this query parameter.</summary>
    public const string QueryParameter = "token";

    public static string New() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Only well-formed tokens are looked up; anything else is simply unknown.</summary>
    public static bool LooksValid(string? token) => token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
