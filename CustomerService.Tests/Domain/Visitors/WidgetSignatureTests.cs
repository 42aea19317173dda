using CustomerService.Domain.Visitors;
using CustomerService.Tests.Builders;

namespace CustomerService.Tests.Domain.Visitors;

/// <summary>SPEC E1: the merchant signs the logged-in user with the entry's secret; forged or stale claims are refused.</summary>
public sealed class WidgetSignatureTests
{
    private const string Secret = WidgetUserBuilder.Secret;
    private static readonly DateTimeOffset Now = WidgetUserBuilder.SignedAt.AddMinutes(10);

    [Fact]
    public void Canonical_string_is_id_name_vip_and_timestamp_joined_by_line_feeds()
    {
        var user = new WidgetUserBuilder().Build();

        Assert.Equal("u1001\n张三\n1\n1735689600", WidgetSignature.CanonicalString(user));
    }

    [Fact]
    public void Canonical_string_of_an_anonymous_name_and_regular_visitor_has_an_empty_name_and_zero()
    {
        var user = new WidgetUserBuilder().WithName(null).WithVip(false).Build();

        Assert.Equal("u1001\n\n0\n1735689600", WidgetSignature.CanonicalString(user));
    }

    // Vectors computed independently: printf 'u1001\n张三\n1\n1735689600' | openssl dgst -sha256 -hmac "$SECRET" -hex
    [Theory]
    [InlineData("张三", true, "8fd007665d133648cec26e1540bad7f2865f583a71bb0506f83f4a7468d8f929")]
    [InlineData(null, false, "0f0f357cba4cef61a8534a40e56d4de7c14b2f91449b1c3d4c79c8b253e40fca")]
    public void Signature_matches_known_vectors(string? name, bool vip, string expected)
    {
        var user = new WidgetUserBuilder().WithName(name).WithVip(vip).Build();

        Assert.Equal(expected, WidgetSignature.Sign(user, Secret));
        Assert.Equal(SignatureStatus.Valid, WidgetSignature.Verify(user, expected, Secret, Now));
    }

    [Fact]
    public void Upper_case_hex_signature_is_accepted()
    {
        var (user, signature) = new WidgetUserBuilder().Signed();

        Assert.Equal(SignatureStatus.Valid, WidgetSignature.Verify(user, signature.ToUpperInvariant(), Secret, Now));
    }

    [Fact]
    public void Visitor_who_flips_the_vip_flag_is_caught_as_forged()
    {
        var (user, signature) = new WidgetUserBuilder().WithVip(false).Signed();

        var status = WidgetSignature.Verify(user with { Vip = true }, signature, Secret, Now);

        Assert.Equal(SignatureStatus.Forged, status);
    }

    [Fact]
    public void Visitor_posing_as_another_user_is_caught_as_forged()
    {
        var (user, signature) = new WidgetUserBuilder().Signed();

        Assert.Equal(SignatureStatus.Forged, WidgetSignature.Verify(user with { Id = "u1002" }, signature, Secret, Now));
    }

    [Fact]
    public void Signature_made_with_another_entrys_secret_is_forged()
    {
        var (user, signature) = new WidgetUserBuilder().Signed(secret: new string('f', 64));

        Assert.Equal(SignatureStatus.Forged, WidgetSignature.Verify(user, signature, Secret, Now));
    }

    [Theory]
    [InlineData("not-hex")]
    [InlineData("8fd007665d133648")]
    [InlineData("zz d007665d133648cec26e1540bad7f2865f583a71bb0506f83f4a7468d8f929")]
    [InlineData("8fd007665d133648cec26e1540bad7f2865f583a71bb0506f83f4a7468d8f92900")]
    public void Malformed_signature_is_forged_not_an_error(string signature)
    {
        var user = new WidgetUserBuilder().Build();

        Assert.Equal(SignatureStatus.Forged, WidgetSignature.Verify(user, signature, Secret, Now));
    }

    [Fact]
    public void Line_feed_inside_a_field_is_refused_because_it_would_make_the_form_ambiguous()
    {
        // id "u1001\n张三" with an empty name has the same canonical string as id "u1001" with name "张三".
        var (_, signature) = new WidgetUserBuilder().Signed();
        var shifted = new WidgetUserBuilder().WithId("u1001\n张三").WithName(null).Build();

        Assert.Equal(SignatureStatus.Forged, WidgetSignature.Verify(shifted, signature, Secret, Now));
    }

    [Fact]
    public void Nothing_signed_is_missing()
    {
        var user = new WidgetUserBuilder().Build();

        Assert.Equal(SignatureStatus.Missing, WidgetSignature.Verify(null, null, Secret, Now));
        Assert.Equal(SignatureStatus.Missing, WidgetSignature.Verify(user, null, Secret, Now));
        Assert.Equal(SignatureStatus.Missing, WidgetSignature.Verify(user, "  ", Secret, Now));
        Assert.Equal(SignatureStatus.Missing, WidgetSignature.Verify(new WidgetUserBuilder().WithId("").Build(), "ab", Secret, Now));
        Assert.Equal(SignatureStatus.Missing, WidgetSignature.Verify(new WidgetUserBuilder().WithTimestamp(null).Build(), "ab", Secret, Now));
    }

    [Fact]
    public void Signature_older_than_the_maximum_age_is_expired()
    {
        var (user, signature) = new WidgetUserBuilder().Signed();
        var maxAge = TimeSpan.FromHours(1);

        Assert.Equal(SignatureStatus.Valid, WidgetSignature.Verify(user, signature, Secret, WidgetUserBuilder.SignedAt + maxAge, maxAge));
        Assert.Equal(SignatureStatus.Expired,
            WidgetSignature.Verify(user, signature, Secret, WidgetUserBuilder.SignedAt + maxAge + TimeSpan.FromSeconds(1), maxAge));
    }

    [Fact]
    public void Default_maximum_age_is_a_day()
    {
        var (user, signature) = new WidgetUserBuilder().Signed();

        Assert.Equal(SignatureStatus.Expired, WidgetSignature.Verify(user, signature, Secret, WidgetUserBuilder.SignedAt.AddHours(25)));
    }

    [Fact]
    public void Timestamp_slightly_ahead_of_our_clock_is_tolerated_but_far_future_is_expired()
    {
        var (user, signature) = new WidgetUserBuilder().Signed();
        var signedAt = WidgetUserBuilder.SignedAt;

        Assert.Equal(SignatureStatus.Valid, WidgetSignature.Verify(user, signature, Secret, signedAt - WidgetSignature.MaxClockSkew));
        Assert.Equal(SignatureStatus.Expired,
            WidgetSignature.Verify(user, signature, Secret, signedAt - WidgetSignature.MaxClockSkew - TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void Absurd_timestamp_is_expired_not_an_error()
    {
        var (user, signature) = new WidgetUserBuilder().WithTimestamp(long.MaxValue).Signed();

        Assert.Equal(SignatureStatus.Expired, WidgetSignature.Verify(user, signature, Secret, Now));
    }

    [Fact]
    public void Forged_and_expired_signatures_have_a_message_valid_and_missing_do_not()
    {
        Assert.Null(WidgetSignature.Violation(SignatureStatus.Valid));
        Assert.Null(WidgetSignature.Violation(SignatureStatus.Missing));
        Assert.Equal("WidgetSignatureForged", WidgetSignature.Violation(SignatureStatus.Forged)!.Code);
        Assert.Equal("WidgetSignatureExpired", WidgetSignature.Violation(SignatureStatus.Expired)!.Code);
    }

    [Fact]
    public void Line_feed_inside_the_name_is_refused_even_when_the_mac_matches()
    {
        // A name may not carry the separator, or "张三\n1" could stand in for a name and a VIP flag.
        var (user, signature) = new WidgetUserBuilder().WithName("张三\n1").WithVip(false).Signed();

        Assert.Equal(SignatureStatus.Forged, WidgetSignature.Verify(user, signature, Secret, Now));
    }

    [Fact]
    public void Signed_user_without_a_name_is_valid()
    {
        var (user, signature) = new WidgetUserBuilder().WithName(null).Signed();

        Assert.Equal(SignatureStatus.Valid, WidgetSignature.Verify(user, signature, Secret, Now));
    }

    [Fact]
    public void Signing_or_verifying_without_a_secret_or_a_user_is_a_programming_error()
    {
        var user = new WidgetUserBuilder().Build();

        Assert.Throws<ArgumentNullException>(() => WidgetSignature.CanonicalString(null!));
        Assert.Throws<ArgumentException>(() => WidgetSignature.Sign(user, ""));
        Assert.Throws<ArgumentException>(() => WidgetSignature.Verify(user, "sig", "", Now, TimeSpan.FromHours(1)));
    }
}
