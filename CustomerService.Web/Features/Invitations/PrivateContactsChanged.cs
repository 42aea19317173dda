namespace CustomerService.Web.Features.Invitations;

/// <summary>A visitor was bound to or released from an agent (专属客服): tiles and lists showing it refresh.</summary>
public sealed record PrivateContactsChanged(long VisitorId);
