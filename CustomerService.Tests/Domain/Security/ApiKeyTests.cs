using CustomerService.Domain.Security;

namespace CustomerService.Tests.Domain.Security;

/// <summary>SPEC L, K: an API key is named, shown once, stored hashed, compared in constant time and revoked once.</summary>
public sealed class ApiKeyTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_new_key_is_a_recognisable_random_secret_of_which_only_the_hash_and_prefix_are_kept()
    {
        var issued = ApiKey.Issue(" ERP ", [], createdByAccountId: 7, Now);

        var (key, secret) = issued.Value!;
        Assert.StartsWith("cs_live_", secret, StringComparison.Ordinal);
        // 32 random bytes in base64url without padding: 43 characters.
        Assert.Equal(8 + 43, secret.Length);
        Assert.Matches("^cs_live_[A-Za-z0-9_-]{43}$", secret);
        Assert.Equal("ERP", key.Name);
        Assert.Equal(secret[..12], key.Prefix);
        Assert.Equal(64, key.SecretHash.Length);
        Assert.DoesNotContain(secret[8..], key.SecretHash, StringComparison.Ordinal);
        Assert.Equal(7, key.CreatedByAccountId);
        Assert.Equal(Now, key.CreatedAt);
        Assert.Null(key.LastUsedAt);
        Assert.True(key.IsActive);
    }

    [Fact]
    public void Two_keys_never_share_a_secret()
    {
        var first = ApiKey.Issue("a", [], null, Now).Value!.Secret;
        var second = ApiKey.Issue("b", [], null, Now).Value!.Secret;

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void The_stored_hash_is_the_sha256_of_the_secret_in_lower_case_hex()
    {
        var key = ApiKey.Issue("演示密钥", "demo-api-key-0123456789", [], null, Now).Value!.Key;

        // sha256sum of the bytes "demo-api-key-0123456789".
        Assert.Equal("1cad2248e8fecd0a5a5f693d28225ed3c8d0acf2fce3284800bf2c31a8a1947c", key.SecretHash);
        Assert.Equal("demo-api-key", key.Prefix);
    }

    [Fact]
    public void A_key_accepts_its_own_secret_only()
    {
        var (key, secret) = ApiKey.Issue("ERP", [], null, Now).Value!;

        Assert.True(key.Accepts(secret));
        Assert.False(key.Accepts(secret + "x"));
        Assert.False(key.Accepts(secret[..^1] + (secret[^1] == 'A' ? 'B' : 'A')));
        Assert.False(key.Accepts(secret.ToUpperInvariant() == secret ? secret.ToLowerInvariant() : secret.ToUpperInvariant()));
    }

    [Theory]
    [InlineData(null, "Required")]
    [InlineData("", "Required")]
    [InlineData("   ", "Required")]
    [InlineData("ERP\u0007", "ControlCharacters")]
    public void A_key_needs_a_clean_name(string? name, string code)
    {
        var issued = ApiKey.Issue(name, [], null, Now);

        Assert.False(issued.Succeeded);
        Assert.Equal(code, issued.Violation!.Code);
    }

    [Fact]
    public void A_name_is_at_most_50_characters()
    {
        Assert.True(ApiKey.Issue(new string('名', 50), [], null, Now).Succeeded);
        var tooLong = ApiKey.Issue(new string('名', 51), [], null, Now);

        Assert.Equal("TooLong", tooLong.Violation!.Code);
        Assert.Equal(50, tooLong.Violation.Arguments[1]);
    }

    [Theory]
    [InlineData("ERP")]
    [InlineData("erp")]
    [InlineData(" Erp  ")]
    public void A_name_is_unique_among_active_keys_whatever_its_case_and_spaces(string name)
    {
        var issued = ApiKey.Issue(name, ["BI", "ERP"], null, Now);

        Assert.Equal("ApiKeyNameTaken", issued.Violation!.Code);
        Assert.Equal(name.Trim(), issued.Violation.Arguments[0]);
    }

    [Fact]
    public void A_key_is_revoked_once_and_then_accepts_nothing()
    {
        var (key, secret) = ApiKey.Issue("ERP", [], null, Now).Value!;

        var first = key.Revoke(Now.AddHours(1));
        var second = key.Revoke(Now.AddHours(2));

        Assert.True(first.Succeeded);
        Assert.Equal("ApiKeyAlreadyRevoked", second.Violation!.Code);
        Assert.Equal(Now.AddHours(1), key.RevokedAt);
        Assert.False(key.IsActive);
        Assert.False(key.Accepts(secret));
        // The name no longer counts as taken (the unique index of active names holds null for it).
        Assert.Null(key.ActiveNameKey);
    }

    [Fact]
    public void An_active_key_holds_its_normalised_name_for_the_unique_index()
    {
        var key = ApiKey.Issue(" Erp ", [], null, Now).Value!.Key;

        Assert.Equal("ERP", key.ActiveNameKey);
    }

    [Fact]
    public void Use_is_written_at_most_once_a_minute()
    {
        var key = ApiKey.Issue("ERP", [], null, Now).Value!.Key;

        Assert.True(key.RecordUse(Now));
        Assert.False(key.RecordUse(Now.AddSeconds(59)));
        Assert.Equal(Now, key.LastUsedAt);
        Assert.True(key.RecordUse(Now.AddSeconds(60)));
        Assert.Equal(Now.AddSeconds(60), key.LastUsedAt);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("short-key", false)]
    [InlineData("sixteen-chars-ok", true)]
    [InlineData("has a space inside it", false)]
    [InlineData("中文密钥中文密钥中文密钥中文密钥", false)]
    public void Only_printable_ascii_of_a_sane_length_can_be_a_key(string? presented, bool looksValid) =>
        Assert.Equal(looksValid, ApiKeySecret.LooksValid(presented));

    [Fact]
    public void Keys_longer_than_128_characters_are_refused_unread() =>
        Assert.False(ApiKeySecret.LooksValid(new string('a', 129)));
}
