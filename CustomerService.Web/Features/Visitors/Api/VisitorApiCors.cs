namespace CustomerService.Web.Features.Visitors.Api;

/// <summary>
/// The widget runs on a merchant's site, so what it asks our origin for is cross-origin. Visitor routes answer with
/// <see cref="Policy"/>: any origin may read (GET), never with credentials; the chat page itself is same-origin.
/// </summary>
public static class VisitorApiCors
{
    public const string Policy = "visitor-widget";

    /// <summary>The widget's identity check posts JSON (a preflighted request) from the merchant's page.</summary>
    public const string IdentityCheckPolicy = "visitor-widget-identity";
}
