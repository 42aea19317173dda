using CustomerService.Data;
using CustomerService.Domain.Visitors;
using CustomerService.Web.Features.Visitors.Geo;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Visitors.Api;

/// <summary>Records page views with what the server derives from them (SPEC E3).</summary>
public sealed class TrajectoryRecorder(
    IDbContextFactory<CustomerServiceDbContext> dbFactory, IRegionResolver regions, TimeProvider clock)
{
    /// <returns>False when the token is not a visitor's (nothing is stored).</returns>
    public async Task<bool> RecordAsync(string? token, TrackRequest request, HttpContext http, CancellationToken cancellationToken)
    {
        if (!VisitorToken.LooksValid(token) || string.IsNullOrWhiteSpace(request.Url))
        {
            return false;
        }

        var hash = VisitorToken.Hash(token!);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var visitorId = await db.Visitors.Where(v => v.TokenHash == hash).Select(v => (long?)v.Id).FirstOrDefaultAsync(cancellationToken);
        if (visitorId is null)
        {
            return false;
        }

        var keyPages = await db.KeyPages.AsNoTracking().ToListAsync(cancellationToken);
        var siteHost = Uri.TryCreate(request.Url, UriKind.Absolute, out var url) ? url.Host : null;
        var ip = http.Connection.RemoteIpAddress;
        var region = ip is null ? null : await regions.ResolveAsync(ip, cancellationToken);
        db.PageViews.Add(new PageView(
            visitorId.Value, request.Url, request.Title, request.Referrer, clock.GetUtcNow().UtcDateTime,
            TrafficSource.Classify(request.Referrer, siteHost), KeyPageMatcher.Match(keyPages, request.Url),
            UserAgentInfo.Parse(http.Request.Headers.UserAgent.ToString()), region, ip?.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
