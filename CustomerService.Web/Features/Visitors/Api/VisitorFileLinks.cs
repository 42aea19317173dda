using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace CustomerService.Web.Features.Visitors.Api;

/// <summary>
/// Short-lived signed links to a conversation's files for the visitor's chat page. An <c>&lt;img src&gt;</c> or a
/// download link cannot send the <c>X-Visitor-Token</c> header, and the token itself must not travel in URLs (it is the
/// visitor's whole identity), so the visitor endpoints hand out <c>/api/files/{id}?access=…</c>: a data-protection
/// payload naming that one message and expiring after <see cref="Lifetime"/>. Only answers that already passed the
/// visitor's access check (his own conversation) carry such links, so the access rule stays where it was.
/// </summary>
public sealed class VisitorFileLinks(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string QueryParameter = "access";

    /// <summary>
    /// Long enough for a chat to be read and a file downloaded. A reconnect replays only newer messages, so a page left
    /// open longer keeps its old links, which then answer 404 until the page is reloaded (known limit, issue 15).
    /// </summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("CustomerService.Visitors.FileLinks.v1").ToTimeLimitedDataProtector();

    public string UrlFor(long messageId) =>
        $"/api/files/{messageId.ToString(CultureInfo.InvariantCulture)}?{QueryParameter}="
        + _protector.Protect(messageId.ToString(CultureInfo.InvariantCulture), clock.GetUtcNow().Add(Lifetime));

    /// <summary>Whether <paramref name="access"/> is an unexpired link to exactly this message.</summary>
    public bool Grants(string? access, long messageId)
    {
        if (string.IsNullOrEmpty(access))
        {
            return false;
        }

        try
        {
            return _protector.Unprotect(access, out var expiration) == messageId.ToString(CultureInfo.InvariantCulture)
                && expiration > clock.GetUtcNow();
        }
        catch (CryptographicException)
        {
            return false;   // forged, damaged, expired or from another key ring: the same 404 as a missing file
        }
    }
}
