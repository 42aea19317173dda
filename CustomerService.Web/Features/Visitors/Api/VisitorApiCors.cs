namespace CustomerService.Web.Features.Visitors.Api;

/// <summary>The widget on a merchant's site reads its entry's look from our origin; nothing else is cross-origin.</summary>
public static class VisitorApiCors
{
    public const string Policy = "visitor-widget";
}
