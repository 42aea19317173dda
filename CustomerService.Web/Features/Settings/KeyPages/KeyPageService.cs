using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Settings.KeyPages;

public sealed record KeyPageRow(int Id, string Name, string UrlPattern, KeyPageType PageType);

/// <summary>
/// 关键页面 maintenance (SPEC K, E3; seed 002 “五、关键页面”). Patterns are checked by <see cref="KeyPage.Check"/>, so an
/// invalid regular expression never reaches the table that every tracked page view is matched against.
/// </summary>
public sealed class KeyPageService(IDbContextFactory<CustomerServiceDbContext> dbFactory)
{
    public async Task<IReadOnlyList<KeyPageRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.KeyPages.AsNoTracking().OrderBy(p => p.Id)
            .Select(p => new KeyPageRow(p.Id, p.Name, p.UrlPattern, p.PageType))
            .ToListAsync(cancellationToken);
    }

    public async Task<Outcome<int>> CreateAsync(string name, string urlPattern, KeyPageType pageType, CancellationToken cancellationToken = default)
    {
        if (KeyPage.Check(name, urlPattern) is { } violation)
        {
            return violation;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var page = new KeyPage(name, urlPattern, pageType);
        db.KeyPages.Add(page);
        await db.SaveChangesAsync(cancellationToken);
        return page.Id;
    }

    public async Task<Outcome> UpdateAsync(int id, string name, string urlPattern, KeyPageType pageType, CancellationToken cancellationToken = default)
    {
        if (KeyPage.Check(name, urlPattern) is { } violation)
        {
            return violation;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var page = await db.KeyPages.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (page is null)
        {
            return new RuleViolation("KeyPageMissing");
        }

        page.Change(name, urlPattern, pageType);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok;
    }

    public async Task<Outcome> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var deleted = await db.KeyPages.Where(p => p.Id == id).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? new RuleViolation("KeyPageMissing") : Outcome.Ok;
    }

    /// <summary>The first key page (in creation order) whose pattern matches <paramref name="url"/>, as tracking will classify it.</summary>
    public async Task<KeyPageRow?> FindMatchAsync(string url, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pages = await db.KeyPages.AsNoTracking().OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var match = pages.FirstOrDefault(p => p.Matches(url.Trim()));
        return match is null ? null : new KeyPageRow(match.Id, match.Name, match.UrlPattern, match.PageType);
    }
}
