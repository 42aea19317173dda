using CustomerService.Data;
using CustomerService.Domain.Phrases;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Settings.Phrases;

/// <summary>
/// What the agent console reads (SPEC F6 suggestions, F7 phrase tab): the <b>published</b> phrases one account may use —
/// every enterprise phrase and his own personal ones, never a colleague's (the account id filters the query). Drafts
/// stay invisible until 立即生效. Load a <see cref="PhraseBook"/> once per circuit and call
/// <see cref="PhraseBook.Suggest"/> on every keystroke; reload it when <c>ChangeFeed&lt;PhrasesChanged&gt;</c> reports a
/// change for the enterprise or for this account.
/// </summary>
public sealed class CannedPhraseCatalog(IDbContextFactory<CustomerServiceDbContext> dbFactory)
{
    /// <summary>Enterprise phrases first, then personal ones; each by group name, then title.</summary>
    public async Task<PhraseBook> LoadAsync(int accountId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.CannedPhrases.AsNoTracking()
            .Where(p => p.PublishedTitle != null && p.PublishedContent != null)
            .Where(p => p.Group!.OwnerAccountId == null || p.Group.OwnerAccountId == accountId)
            .Select(p => new
            {
                p.Id,
                IsEnterprise = p.Group!.OwnerAccountId == null,
                p.GroupId,
                GroupName = p.Group.Name,
                Title = p.PublishedTitle!,
                Content = p.PublishedContent!,
            })
            .ToListAsync(cancellationToken);
        // Ordered in memory, ordinally: the same order on both providers, whose collations differ.
        return new PhraseBook(rows
            .OrderByDescending(r => r.IsEnterprise)
            .ThenBy(r => r.GroupName, StringComparer.Ordinal)
            .ThenBy(r => r.Title, StringComparer.Ordinal)
            .ThenBy(r => r.Id)
            .Select(r => new PublishedPhrase(r.Id, r.IsEnterprise, r.GroupId, r.GroupName, r.Title, r.Content))
            .ToList());
    }

    /// <summary>One-off suggestions (loads the book each call); the console should keep a book and use it directly.</summary>
    public async Task<IReadOnlyList<PublishedPhrase>> SuggestAsync(int accountId, string input, int max, CancellationToken cancellationToken = default) =>
        (await LoadAsync(accountId, cancellationToken)).Suggest(input, max);
}
