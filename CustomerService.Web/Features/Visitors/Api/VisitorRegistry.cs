using CustomerService.Data;
using CustomerService.Domain.Visitors;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Visitors.Api;

/// <summary>
/// Recognises a visitor by his token or registers a new one with a fresh token (SPEC N2 “send the token of an earlier
/// session to be recognised as the same visitor”). The first page view and the first chat both start here.
/// </summary>
public static class VisitorRegistry
{
    /// <summary>The visitor, tracked by <paramref name="db"/> (new ones added, not saved), and the token he is to keep.</summary>
    public static async Task<(Visitor Visitor, string Token)> RecognizeOrRegisterAsync(
        CustomerServiceDbContext db, string? token, DateTime now, string? ip, CancellationToken cancellationToken)
    {
        if (VisitorToken.LooksValid(token))
        {
            var hash = VisitorToken.Hash(token!);
            if (await db.Visitors.FirstOrDefaultAsync(v => v.TokenHash == hash, cancellationToken) is { } known)
            {
                known.Seen(now, ip);
                return (known, token!);
            }
        }

        var fresh = VisitorToken.New();
        var visitor = new Visitor(VisitorToken.Hash(fresh), now);
        visitor.Seen(now, ip);
        db.Visitors.Add(visitor);
        return (visitor, fresh);
    }
}
