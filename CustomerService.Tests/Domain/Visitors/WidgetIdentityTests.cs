using CustomerService.Domain.Visitors;

namespace CustomerService.Tests.Domain.Visitors;

public sealed class WidgetIdentityTests
{
    [Theory]
    [InlineData(SignatureStatus.Valid, "verified", null)]
    [InlineData(SignatureStatus.Forged, "rejected", "signature-invalid")]
    [InlineData(SignatureStatus.Expired, "rejected", "signature-expired")]
    [InlineData(SignatureStatus.Missing, "rejected", "signature-missing-fields")]
    public void A_passed_user_is_verified_or_rejected_with_the_reason(SignatureStatus status, string identity, string? reason)
    {
        Assert.Equal(new WidgetIdentity(identity, reason), WidgetIdentity.Of(userGiven: true, status));
    }

    [Fact]
    public void Without_a_user_the_visitor_is_simply_anonymous()
    {
        Assert.Equal(WidgetIdentity.Anonymous, WidgetIdentity.Of(userGiven: false, SignatureStatus.Missing));
        Assert.False(WidgetIdentity.Anonymous.IsRejected);
    }

    [Fact]
    public void The_widget_is_told_anonymous_and_a_rejected_identity_counts_as_rejected()
    {
        Assert.Equal(("anonymous", null), (WidgetIdentity.Anonymous.Identity, WidgetIdentity.Anonymous.Reason));
        Assert.True(WidgetIdentity.Of(userGiven: true, SignatureStatus.Forged).IsRejected);
        Assert.False(WidgetIdentity.Of(userGiven: true, SignatureStatus.Valid).IsRejected);
    }
}
