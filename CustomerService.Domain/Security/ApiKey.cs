using CustomerService.Domain.Common;

namespace CustomerService.Domain.Security;

/// <summary>
/// An integration API key of the enterprise (SPEC L, K: created with a name, shown once, stored hashed, revoked).
/// The secret itself is never stored: <see cref="SecretHash"/> is its SHA-256 and <see cref="Prefix"/> its first
/// characters, which tell keys apart in the list and narrow the lookup of a presented key.
/// </summary>
public class ApiKey
{
    public const int NameMaxLength = 50;

    /// <summary>A key's last use is written at most this often, so an API call does not cost a database write (SPEC L).</summary>
    public static readonly TimeSpan UseRecordingInterval = TimeSpan.FromMinutes(1);

    private ApiKey()
    {
        Name = Prefix = SecretHash = string.Empty;
    }

    private ApiKey(string name, string secret, int? createdByAccountId, DateTime createdAt)
    {
        Name = name.Trim();
        ActiveNameKey = NameKey(Name);
        Prefix = ApiKeySecret.PrefixOf(secret);
        SecretHash = ApiKeySecret.Hash(secret);
        CreatedByAccountId = createdByAccountId;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }
    public string Name { get; private set; }

    /// <summary>
    /// The name, normalised, while the key is active; null once revoked. A unique index on it keeps names unique among
    /// active keys on both providers (SQLite and SQL Server's filtered default both let many rows be null), so two
    /// admins creating the same name at once cannot both succeed.
    /// </summary>
    public string? ActiveNameKey { get; private set; }

    public string Prefix { get; private set; }
    public string SecretHash { get; private set; }
    public DateTime CreatedAt { get; private set; }

    /// <summary>Who created it; null for keys the system made (the demo key).</summary>
    public int? CreatedByAccountId { get; private set; }

    public DateTime? LastUsedAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    /// <summary>Null when <paramref name="name"/> may name a new key beside the active keys named <paramref name="activeNames"/>.</summary>
    public static RuleViolation? CheckName(string? name, IEnumerable<string> activeNames)
    {
        ArgumentNullException.ThrowIfNull(activeNames);
        if (string.IsNullOrWhiteSpace(name))
        {
            return new RuleViolation("Required", "ApiKey.Name");
        }

        if (InputText.Check("ApiKey.Name", name.Trim(), NameMaxLength) is { } violation)
        {
            return violation;
        }

        var key = NameKey(name);
        return activeNames.Any(active => NameKey(active) == key) ? new RuleViolation("ApiKeyNameTaken", name.Trim()) : null;
    }

    /// <summary>A new key with a fresh random secret; the secret is returned once, to be shown once.</summary>
    public static Outcome<IssuedApiKey> Issue(string? name, IEnumerable<string> activeNames, int? createdByAccountId, DateTime now) =>
        Issue(name, ApiKeySecret.Generate(), activeNames, createdByAccountId, now);

    /// <summary>A key with a secret chosen by the caller: the fixed demo key of SPEC N1b, and tests.</summary>
    public static Outcome<IssuedApiKey> Issue(string? name, string secret, IEnumerable<string> activeNames, int? createdByAccountId, DateTime now)
    {
        if (!ApiKeySecret.LooksValid(secret))
        {
            throw new ArgumentException("An API key secret is 16–128 printable ASCII characters.", nameof(secret));
        }

        if (CheckName(name, activeNames) is { } violation)
        {
            return violation;
        }

        return new IssuedApiKey(new ApiKey(name!, secret, createdByAccountId, now), secret);
    }

    /// <summary>Whether <paramref name="presented"/> is this key's secret and the key still works; compares in constant time.</summary>
    public bool Accepts(string presented) =>
        IsActive && ApiKeySecret.HashesEqual(SecretHash, ApiKeySecret.Hash(presented));

    /// <summary>Once: a revoked key stays revoked, and its name is free for a new key.</summary>
    public Outcome Revoke(DateTime now)
    {
        if (!IsActive)
        {
            return new RuleViolation("ApiKeyAlreadyRevoked", Name);
        }

        RevokedAt = now;
        ActiveNameKey = null;
        return Outcome.Ok;
    }

    /// <summary>Whether a use at <paramref name="now"/> is worth writing down: the first one, or a minute after the last written.</summary>
    public static bool ShouldRecordUse(DateTime? lastUsedAt, DateTime now) =>
        lastUsedAt is not { } last || now - last >= UseRecordingInterval;

    /// <summary>Notes a use; returns whether it changed <see cref="LastUsedAt"/> (see <see cref="ShouldRecordUse"/>).</summary>
    public bool RecordUse(DateTime now)
    {
        if (!ShouldRecordUse(LastUsedAt, now))
        {
            return false;
        }

        LastUsedAt = now;
        return true;
    }

    private static string NameKey(string name) => name.Trim().ToUpperInvariant();
}

/// <summary>A key just made, with its secret: the only moment the secret exists outside the caller's hands.</summary>
public sealed record IssuedApiKey(ApiKey Key, string Secret);
