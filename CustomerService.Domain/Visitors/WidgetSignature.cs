using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CustomerService.Domain.Common;

namespace CustomerService.Domain.Visitors;

/// <summary>
/// The logged-in user the merchant's page passes to the widget (SPEC E1): <c>CustomerService.identify({id, name, vip,
/// ts, sig})</c>. <see cref="Timestamp"/> is Unix time in seconds (UTC) when the merchant's server signed it.
/// </summary>
public sealed record WidgetUser(string? Id, string? Name, bool Vip, long? Timestamp);

public enum SignatureStatus
{
    /// <summary>Signed with the entry's secret, recently: trust id, name and VIP flag.</summary>
    Valid,

    /// <summary>No user id, timestamp or signature: an anonymous visitor; any claims must be ignored.</summary>
    Missing,

    /// <summary>The signature does not match the fields (or a field cannot be signed): reject, change nothing.</summary>
    Forged,

    /// <summary>Correctly signed, but older than the allowed age or dated too far in the future.</summary>
    Expired,
}

/// <summary>
/// HMAC-SHA256 signatures of <see cref="WidgetUser"/> with the consultation entry's secret (SPEC E1), so a visitor can
/// neither make himself VIP nor pose as another user.
/// <para>
/// <b>Canonical string</b> (what the merchant's server signs), UTF-8, fields joined by a line feed (<c>\n</c>), no
/// trailing line feed:
/// <code>id \n name \n vip \n ts</code>
/// where <c>name</c> is empty when absent, <c>vip</c> is <c>1</c> or <c>0</c>, and <c>ts</c> is the Unix time in
/// seconds as a plain decimal integer. Id and name must not contain a line feed (that would make the form ambiguous).
/// </para>
/// <para>
/// <b>Key</b>: the entry's secret exactly as shown in Settings → 咨询入口 (64 lower-case hex characters), used as
/// ASCII text, not hex-decoded, so every HMAC library takes it as-is. <b>Signature</b>: the 32-byte MAC as hex
/// (upper or lower case accepted). Example (PHP):
/// <c>hash_hmac('sha256', "$id\n$name\n" . ($vip ? '1' : '0') . "\n$ts", $secret)</c>;
/// (Node) <c>crypto.createHmac('sha256', secret).update(`${id}\n${name}\n${vip ? 1 : 0}\n${ts}`).digest('hex')</c>.
/// </para>
/// </summary>
public static class WidgetSignature
{
    /// <summary>A page may stay open for a working day before the visitor clicks “consult”.</summary>
    public static readonly TimeSpan DefaultMaxAge = TimeSpan.FromHours(24);

    /// <summary>Tolerated difference between the merchant's clock and ours for timestamps in the future.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    public static string CanonicalString(WidgetUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return string.Join('\n',
            user.Id ?? string.Empty,
            user.Name ?? string.Empty,
            user.Vip ? "1" : "0",
            (user.Timestamp ?? 0).ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The signature the merchant's server must send, as lower-case hex (for tests, docs and tools).</summary>
    public static string Sign(WidgetUser user, string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return Convert.ToHexStringLower(Mac(user, secret));
    }

    public static SignatureStatus Verify(WidgetUser? user, string? signature, string secret, DateTimeOffset now) =>
        Verify(user, signature, secret, now, DefaultMaxAge);

    public static SignatureStatus Verify(WidgetUser? user, string? signature, string secret, DateTimeOffset now, TimeSpan maxAge)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);

        if (user is null || string.IsNullOrWhiteSpace(user.Id) || user.Timestamp is null || string.IsNullOrWhiteSpace(signature))
        {
            return SignatureStatus.Missing;
        }

        if (user.Id.Contains('\n', StringComparison.Ordinal) || (user.Name?.Contains('\n', StringComparison.Ordinal) ?? false))
        {
            return SignatureStatus.Forged;
        }

        // Parse before comparing: a wrong length or a non-hex character is simply a forgery, never an exception.
        var given = new byte[HMACSHA256.HashSizeInBytes];
        if (signature.Length != given.Length * 2
            || Convert.FromHexString(signature, given, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != given.Length)
        {
            return SignatureStatus.Forged;
        }

        if (!CryptographicOperations.FixedTimeEquals(Mac(user, secret), given))
        {
            return SignatureStatus.Forged;
        }

        // Only a genuine signature learns that it expired: a forger gets no hint about the clock.
        var signedAt = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(user.Timestamp.Value, -62135596800L, 253402300799L));
        var age = now - signedAt;
        return age > maxAge || age < -MaxClockSkew ? SignatureStatus.Expired : SignatureStatus.Valid;
    }

    /// <summary>
    /// The SPEC M message for a refused signature; null when the user may proceed (valid, or anonymous because nothing
    /// was signed).
    /// </summary>
    public static RuleViolation? Violation(SignatureStatus status) => status switch
    {
        SignatureStatus.Valid or SignatureStatus.Missing => null,
        SignatureStatus.Forged => new RuleViolation("WidgetSignatureForged"),
        SignatureStatus.Expired => new RuleViolation("WidgetSignatureExpired"),
    };

    private static byte[] Mac(WidgetUser user, string secret) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(CanonicalString(user)));
}
