using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Phrases;
using CustomerService.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Settings.Phrases;

public sealed record PhraseGroupRow(int Id, string Name, int PhraseCount);

/// <summary>A phrase as its editor sees it: the draft, and what agents see now.</summary>
public sealed record PhraseRow(
    int Id, int GroupId, string Title, string Content, string? PublishedTitle, string? PublishedContent, bool HasUnpublishedChanges)
{
    public bool IsPublished => PublishedTitle is not null;
}

/// <summary>One owner's groups and phrases, for the settings pages.</summary>
public sealed record PhraseLibrary(IReadOnlyList<PhraseGroupRow> Groups, IReadOnlyList<PhraseRow> Phrases)
{
    public int UnpublishedCount => Phrases.Count(p => p.HasUnpublishedChanges);
}

/// <summary>Published phrases of <see cref="Owner"/> changed: agents who use them should reload their phrase book.</summary>
public sealed record PhrasesChanged(PhraseOwner Owner);

/// <summary>
/// 常用语 maintenance (SPEC F8; seed 002 “个人常用语”, “企业常用语”). Every call names the owner whose phrases it
/// touches: <see cref="PhraseOwner.Enterprise"/> from the admin page, <see cref="PhraseOwner.Personal"/> with the
/// signed-in account's id from the personal page. Every query filters on that owner, so an id of someone else's phrase
/// or group is simply not found. Edits are drafts until <see cref="PublishAllAsync"/> (立即生效).
/// </summary>
public sealed class CannedPhraseService(
    IDbContextFactory<CustomerServiceDbContext> dbFactory, TimeProvider clock, ChangeFeed<PhrasesChanged> changes)
{
    public async Task<PhraseLibrary> GetLibraryAsync(PhraseOwner owner, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var groups = await db.CannedPhraseGroups.AsNoTracking()
            .Where(g => g.OwnerAccountId == owner.AccountId)
            .OrderBy(g => g.Name)
            .Select(g => new PhraseGroupRow(g.Id, g.Name, db.CannedPhrases.Count(p => p.GroupId == g.Id)))
            .ToListAsync(cancellationToken);
        var phrases = await db.CannedPhrases.AsNoTracking()
            .Where(p => p.Group!.OwnerAccountId == owner.AccountId)
            .OrderBy(p => p.Title).ThenBy(p => p.Id)
            .ToListAsync(cancellationToken);
        return new PhraseLibrary(
            groups,
            phrases.Select(p => new PhraseRow(p.Id, p.GroupId, p.Title, p.Content, p.PublishedTitle, p.PublishedContent, p.HasUnpublishedChanges))
                .ToList());
    }

    public async Task<Outcome<int>> CreateGroupAsync(PhraseOwner owner, string name, CancellationToken cancellationToken = default)
    {
        if (CannedPhraseGroup.CheckName(name) is { } violation)
        {
            return violation;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await GroupNameTakenAsync(db, owner, name.Trim(), null, cancellationToken))
        {
            return new RuleViolation("NameTaken", name.Trim());
        }

        var group = new CannedPhraseGroup(owner, name);
        db.CannedPhraseGroups.Add(group);
        await db.SaveChangesAsync(cancellationToken);
        return group.Id;
    }

    public async Task<Outcome> RenameGroupAsync(PhraseOwner owner, int groupId, string name, CancellationToken cancellationToken = default)
    {
        if (CannedPhraseGroup.CheckName(name) is { } violation)
        {
            return violation;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var group = await FindGroupAsync(db, owner, groupId, cancellationToken);
        if (group is null)
        {
            return new RuleViolation("PhraseGroupMissing");
        }

        if (await GroupNameTakenAsync(db, owner, name.Trim(), groupId, cancellationToken))
        {
            return new RuleViolation("NameTaken", name.Trim());
        }

        group.Rename(name);
        await db.SaveChangesAsync(cancellationToken);
        // Agents see group names next to published phrases.
        changes.Publish(new PhrasesChanged(owner));
        return Outcome.Ok;
    }

    /// <summary>Only an empty group is deleted, so no phrase disappears as a side effect.</summary>
    public async Task<Outcome> DeleteGroupAsync(PhraseOwner owner, int groupId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var group = await FindGroupAsync(db, owner, groupId, cancellationToken);
        if (group is null)
        {
            return new RuleViolation("PhraseGroupMissing");
        }

        if (await db.CannedPhrases.AnyAsync(p => p.GroupId == groupId, cancellationToken))
        {
            return new RuleViolation("PhraseGroupNotEmpty");
        }

        db.CannedPhraseGroups.Remove(group);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok;
    }

    /// <summary>Saves a new phrase as a draft: agents see it after <see cref="PublishAllAsync"/>.</summary>
    public async Task<Outcome<int>> CreateAsync(
        PhraseOwner owner, int groupId, string title, string content, CancellationToken cancellationToken = default)
    {
        if (CannedPhrase.Check(title, content) is { } violation)
        {
            return violation;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await FindGroupAsync(db, owner, groupId, cancellationToken) is null)
        {
            return new RuleViolation("PhraseGroupMissing");
        }

        var phrase = new CannedPhrase(groupId, title, content);
        db.CannedPhrases.Add(phrase);
        await db.SaveChangesAsync(cancellationToken);
        return phrase.Id;
    }

    /// <summary>Saves the edit as a draft; agents keep the published title and content until the next publish.</summary>
    public async Task<Outcome> UpdateAsync(
        PhraseOwner owner, int phraseId, int groupId, string title, string content, CancellationToken cancellationToken = default)
    {
        if (CannedPhrase.Check(title, content) is { } violation)
        {
            return violation;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var phrase = await FindPhraseAsync(db, owner, phraseId, cancellationToken);
        if (phrase is null)
        {
            return new RuleViolation("CannedPhraseMissing");
        }

        if (phrase.GroupId != groupId && await FindGroupAsync(db, owner, groupId, cancellationToken) is null)
        {
            return new RuleViolation("PhraseGroupMissing");
        }

        var moved = phrase.GroupId != groupId;
        phrase.Edit(title, content);
        phrase.MoveTo(groupId);
        await db.SaveChangesAsync(cancellationToken);
        if (moved && phrase.IsPublished)
        {
            changes.Publish(new PhrasesChanged(owner));
        }

        return Outcome.Ok;
    }

    /// <summary>Deleting takes effect at once, published or not: a phrase someone decided is wrong should not linger.</summary>
    public async Task<Outcome> DeleteAsync(PhraseOwner owner, int phraseId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var phrase = await FindPhraseAsync(db, owner, phraseId, cancellationToken);
        if (phrase is null)
        {
            return new RuleViolation("CannedPhraseMissing");
        }

        db.CannedPhrases.Remove(phrase);
        await db.SaveChangesAsync(cancellationToken);
        if (phrase.IsPublished)
        {
            changes.Publish(new PhrasesChanged(owner));
        }

        return Outcome.Ok;
    }

    /// <summary>立即生效: publishes every draft of the owner at once (seed 002: “一次性全部做生效处理”). Returns how many.</summary>
    public async Task<int> PublishAllAsync(PhraseOwner owner, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var phrases = await db.CannedPhrases.Where(p => p.Group!.OwnerAccountId == owner.AccountId).ToListAsync(cancellationToken);
        var drafts = phrases.Where(p => p.HasUnpublishedChanges).ToList();
        if (drafts.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var phrase in drafts)
        {
            phrase.Publish(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        changes.Publish(new PhrasesChanged(owner));
        return drafts.Count;
    }

    private static Task<CannedPhraseGroup?> FindGroupAsync(
        CustomerServiceDbContext db, PhraseOwner owner, int groupId, CancellationToken cancellationToken) =>
        db.CannedPhraseGroups.SingleOrDefaultAsync(g => g.Id == groupId && g.OwnerAccountId == owner.AccountId, cancellationToken);

    private static Task<CannedPhrase?> FindPhraseAsync(
        CustomerServiceDbContext db, PhraseOwner owner, int phraseId, CancellationToken cancellationToken) =>
        db.CannedPhrases.SingleOrDefaultAsync(p => p.Id == phraseId && p.Group!.OwnerAccountId == owner.AccountId, cancellationToken);

    private static Task<bool> GroupNameTakenAsync(
        CustomerServiceDbContext db, PhraseOwner owner, string name, int? exceptId, CancellationToken cancellationToken) =>
        db.CannedPhraseGroups.AnyAsync(g => g.OwnerAccountId == owner.AccountId && g.Name == name && g.Id != exceptId, cancellationToken);
}
