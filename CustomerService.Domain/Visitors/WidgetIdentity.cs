namespace CustomerService.Domain.Visitors;

/// <summary>
/// What became of the user the merchant's page passed to <c>CustomerService.identify</c> (SPEC E1, M): the session
/// answer carries it, and widget.js warns in the browser console when it was rejected, so the merchant's developer sees
/// why a signed-in customer chats anonymously. The names are public contract (SPEC N2): never rename them.
/// </summary>
/// <param name="Identity"><c>verified</c>, <c>anonymous</c> (nothing was passed) or <c>rejected</c>.</param>
/// <param name="Reason">Why it was rejected: <c>signature-invalid</c>, <c>signature-expired</c> or
/// <c>signature-missing-fields</c> (a user without id, timestamp or signature); null otherwise.</param>
public sealed record WidgetIdentity(string Identity, string? Reason)
{
    public static WidgetIdentity Anonymous { get; } = new("anonymous", null);

    /// <param name="userGiven">Whether the page passed a user at all; without one the visitor is simply anonymous.</param>
    public static WidgetIdentity Of(bool userGiven, SignatureStatus status) => !userGiven ? Anonymous : status switch
    {
        SignatureStatus.Valid => new("verified", null),
        SignatureStatus.Missing => new("rejected", "signature-missing-fields"),
        SignatureStatus.Forged => new("rejected", "signature-invalid"),
        SignatureStatus.Expired => new("rejected", "signature-expired"),
    };

    public bool IsRejected => Identity == "rejected";
}
