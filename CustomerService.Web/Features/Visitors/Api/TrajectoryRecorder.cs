using CustomerService.Data;
using CustomerService.Data.Reporting;
using CustomerService.Domain.Visitors;
using CustomerService.Web.Features.Visitors.Geo;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Visitors.Api;

/// <summary>Records page views with what the server derives from them (SPEC E3).</summary>
public sealed class TrajectoryRecorder(
    IDbContextFactory<CustomerServiceDbContext> dbFactory, IRegionResolver regions, ReportingCalendar calendar, TimeProvider clock)
{
    /// <summary>Stores the page view; a visitor without a (known) token is registered, and the token he is to keep is returned.</summary>
    public async Task<string?> RecordAsync(string? token, TrackRequest request, HttpContext http, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Url))
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var ip = VisitorAddress.Canonical(http.Connection.RemoteIpAddress);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (visitor, kept) = await VisitorRegistry.RecognizeOrRegisterAsync(db, token, now, ip?.ToString(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var latest = await db.PageViews.AsNoTracking().Where(v => v.VisitorId == visitor.Id)
            .OrderByDescending(v => v.ViewedAt).FirstOrDefaultAsync(cancellationToken);
        if (latest is not null && latest.IsRepeatedBy(request.Url, now))
        {
            return kept;
        }

        var keyPages = await db.KeyPages.AsNoTracking().ToListAsync(cancellationToken);
        var siteHost = Uri.TryCreate(request.Url, UriKind.Absolute, out var url) ? url.Host : null;
        var region = ip is null ? null : await regions.ResolveAsync(ip, cancellationToken);
        var view = new PageView(
            visitor.Id, request.Url, request.Title, request.Referrer, now,
            TrafficSource.Classify(request.Referrer, siteHost), KeyPageMatcher.Match(keyPages, request.Url),
            UserAgentInfo.Parse(http.Request.Headers.UserAgent.ToString()), region, ip?.ToString());
        db.PageViews.Add(view);
        await FunnelViewMarks.AddAsync(db, view, calendar, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return kept;
    }
}
