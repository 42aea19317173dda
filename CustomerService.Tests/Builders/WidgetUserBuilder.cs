using CustomerService.Domain.Visitors;

namespace CustomerService.Tests.Builders;

/// <summary>
/// A logged-in user as the merchant's server would pass it to the widget: id u1001, name 张三, VIP, signed at
/// <see cref="SignedAt"/> with <see cref="Secret"/>. Override what the test is about.
/// </summary>
public sealed class WidgetUserBuilder
{
    /// <summary>An entry secret in the format ConsultationEntry generates (64 lower-case hex characters).</summary>
    public const string Secret = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    /// <summary>2025-01-01 00:00:00 UTC.</summary>
    public static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1735689600);

    private string? _id = "u1001";
    private string? _name = "张三";
    private bool _vip = true;
    private long? _timestamp = SignedAt.ToUnixTimeSeconds();

    public WidgetUserBuilder WithId(string? id)
    {
        _id = id;
        return this;
    }

    public WidgetUserBuilder WithName(string? name)
    {
        _name = name;
        return this;
    }

    public WidgetUserBuilder WithVip(bool vip)
    {
        _vip = vip;
        return this;
    }

    /// <summary>Unix seconds; null for a user passed without a timestamp.</summary>
    public WidgetUserBuilder WithTimestamp(long? unixSeconds)
    {
        _timestamp = unixSeconds;
        return this;
    }

    public WidgetUser Build() => new(_id, _name, _vip, _timestamp);

    /// <summary>The user and its signature made with <paramref name="secret"/>.</summary>
    public (WidgetUser User, string Signature) Signed(string secret = Secret)
    {
        var user = Build();
        return (user, WidgetSignature.Sign(user, secret));
    }
}
