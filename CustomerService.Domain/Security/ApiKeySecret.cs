using System.Security.Cryptography;
using System.Text;

namespace CustomerService.Domain.Security;

/// <summary>
/// The secret half of an integration API key (SPEC L): random, shown once, known afterwards only by its SHA-256 hash.
/// A fast hash is right here, unlike for passwords: the secret is 32 random bytes, so there is nothing to guess, and
/// every API call verifies one.
/// </summary>
public static class ApiKeySecret
{
    /// <summary>Recognisable in a merchant's config files and by secret scanners.</summary>
    public const string Marker = "cs_live_";

    /// <summary>The visible part kept in clear: enough to tell keys apart in the list, too little to help guessing.</summary>
    public const int PrefixLength = 12;

    public const int MinLength = 16;
    public const int MaxLength = 128;

    private const int RandomBytes = 32;

    /// <summary><c>cs_live_</c> and 32 random bytes in base64url (43 characters).</summary>
    public static string Generate() => Marker + Base64Url(RandomNumberGenerator.GetBytes(RandomBytes));

    /// <summary>
    /// Whether <paramref name="presented"/> can be a key at all, so garbage never reaches the database: printable
    /// ASCII of a sane length.
    /// </summary>
    public static bool LooksValid(string? presented) =>
        presented is { Length: >= MinLength and <= MaxLength } && presented.All(c => c is > ' ' and < (char)127);

    public static string PrefixOf(string secret) => secret[..Math.Min(PrefixLength, secret.Length)];

    /// <summary>Lower-case hex SHA-256 of the UTF-8 bytes.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Constant-time comparison of two hashes, so a response time never tells how much of one matched.</summary>
    public static bool HashesEqual(string storedHash, string presentedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(storedHash), Encoding.ASCII.GetBytes(presentedHash));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
