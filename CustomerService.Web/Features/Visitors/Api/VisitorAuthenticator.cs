using CustomerService.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Visitors.Api;

/// <summary>Finds the visitor a request's token belongs to (SPEC N2); an unknown token is the same as none.</summary>
public sealed class VisitorAuthenticator(IDbContextFactory<CustomerServiceDbContext> dbFactory)
{
    public static string? TokenOf(HttpRequest request, bool allowQuery)
    {
        var header = request.Headers[VisitorToken.Header].ToString();
        if (!string.IsNullOrEmpty(header))
        {
            return header;
        }

        return allowQuery ? request.Query[VisitorToken.QueryParameter].ToString() : null;
    }

    public async Task<long?> VisitorIdAsync(string? token, CancellationToken cancellationToken)
    {
        if (!VisitorToken.LooksValid(token))
        {
            return null;
        }

        var hash = VisitorToken.Hash(token!);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Visitors.Where(v => v.TokenHash == hash).Select(v => (long?)v.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Whether the conversation is this visitor's; someone else's looks exactly like a missing one (404).</summary>
    public async Task<bool> OwnsConversationAsync(long visitorId, long conversationId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Conversations.AnyAsync(c => c.Id == conversationId && c.VisitorId == visitorId, cancellationToken);
    }
}
