using CustomerService.Data;
using CustomerService.Domain.Branding;
using CustomerService.Domain.Common;
using CustomerService.Web.Features.Visitors.Api;
using CustomerService.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Branding;

public sealed record EmojiItem(long Id, string Name, string Url);

public sealed record EmojiGroupView(int Id, string Name, IReadOnlyList<EmojiItem> Emoji);

/// <summary>
/// 表情管理 (seed 002 “二、企业设置 10.表情管理”): custom groups of image emoji beside the built-in system set; one image at
/// a time or a ZIP of many (<see cref="EmojiArchive"/>: all or nothing), and deletion. Every refusal happens before
/// anything is stored; when storing fails half-way, the files already written are removed again.
/// <para>
/// Every picker that opens (each visitor's, each agent's) asks for the list, so it is read at most every
/// <see cref="ListLifetime"/> (<see cref="ExpiringSnapshot{T}"/>): every change on this node drops it at once.
/// </para>
/// </summary>
public sealed class EmojiCatalog(IDbContextFactory<CustomerServiceDbContext> dbFactory, UploadStore store, TimeProvider clock)
{
    public static readonly TimeSpan ListLifetime = TimeSpan.FromSeconds(30);

    private readonly ExpiringSnapshot<IReadOnlyList<EmojiGroupView>> _list = new(clock, ListLifetime);

    public static string UrlFor(long emojiId) => $"/api/emoji/{emojiId}";

    public async Task<IReadOnlyList<EmojiGroupView>> ListAsync(CancellationToken cancellationToken = default) =>
        await _list.GetAsync(ReadListAsync, cancellationToken);

    public async Task<Outcome<int>> CreateGroupAsync(string? name, CancellationToken cancellationToken = default)
    {
        if (EmojiGroup.CheckName(name) is { } violation)
        {
            return violation;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var trimmed = name!.Trim();
        if (await db.EmojiGroups.AnyAsync(g => g.Name == trimmed, cancellationToken))
        {
            return new RuleViolation("EmojiGroupDuplicate", trimmed);
        }

        var group = new EmojiGroup(trimmed);
        db.EmojiGroups.Add(group);
        await db.SaveChangesAsync(cancellationToken);
        ListChanged();
        return group.Id;
    }

    /// <summary>Deletes the group, its emoji and their files (messages that carried one keep their own copy).</summary>
    public async Task<Outcome> DeleteGroupAsync(int groupId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var group = await db.EmojiGroups.FindAsync([groupId], cancellationToken);
        if (group is null)
        {
            return new RuleViolation("EmojiGroupNotFound");
        }

        var keys = await db.CustomEmojis.Where(e => e.GroupId == groupId).Select(e => e.StorageKey).ToListAsync(cancellationToken);
        db.EmojiGroups.Remove(group);
        await db.SaveChangesAsync(cancellationToken);
        ListChanged();
        DeleteFiles(keys);
        return Outcome.Ok;
    }

    /// <summary>One image (单个添加表情).</summary>
    public async Task<Outcome<int>> AddImageAsync(int groupId, Stream content, string? fileName, long length, CancellationToken cancellationToken = default)
    {
        if (length > EmojiImage.MaxEmojiBytes)
        {
            return new RuleViolation("ImageTooLarge", Path.GetFileName(fileName ?? "?"), EmojiImage.MaxEmojiBytes / 1024);
        }

        var bytes = await ImageBytes.ReadCappedAsync(content, EmojiImage.MaxEmojiBytes, cancellationToken);
        var type = EmojiImage.Check(ImageBytes.Head(bytes), fileName, bytes.Length, EmojiImage.MaxEmojiBytes);
        if (type.Violation is { } violation)
        {
            return violation;
        }

        return await StoreAsync(groupId, [new EmojiFile(fileName ?? "emoji", bytes, type.Value!)], cancellationToken);
    }

    /// <summary>A ZIP of images (批量添加表情): all of them, or none with the reason.</summary>
    public async Task<Outcome<int>> AddArchiveAsync(int groupId, Stream content, long length, CancellationToken cancellationToken = default)
    {
        if (length > EmojiArchive.MaxArchiveBytes)
        {
            return new RuleViolation("EmojiArchiveTooLarge", EmojiArchive.MaxArchiveBytes / (1024 * 1024));
        }

        var bytes = await ImageBytes.ReadCappedAsync(content, EmojiArchive.MaxArchiveBytes, cancellationToken);
        using var archive = new MemoryStream(bytes, writable: false);
        var files = EmojiArchive.Read(archive);
        return files.Violation is { } violation ? violation : await StoreAsync(groupId, files.Value!, cancellationToken);
    }

    public async Task<Outcome> DeleteAsync(long emojiId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var emoji = await db.CustomEmojis.FindAsync([emojiId], cancellationToken);
        if (emoji is null)
        {
            return new RuleViolation("EmojiNotFound");
        }

        db.CustomEmojis.Remove(emoji);
        await db.SaveChangesAsync(cancellationToken);
        ListChanged();
        DeleteFiles([emoji.StorageKey]);
        return Outcome.Ok;
    }

    /// <summary>The emoji's bytes and how to send them as a message; null when it no longer exists.</summary>
    public async Task<EmojiContent?> OpenAsync(long emojiId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var emoji = await db.CustomEmojis.AsNoTracking().FirstOrDefaultAsync(e => e.Id == emojiId, cancellationToken);
        if (emoji is null || store.Open(emoji.StorageKey) is not { } stream)
        {
            return null;
        }

        return new EmojiContent(stream, emoji.Name + Path.GetExtension(emoji.StorageKey), emoji.Size, emoji.ContentType);
    }

    /// <summary>GET /api/emoji/{id}: public like the picker that shows it.</summary>
    public static async Task<IResult> ServeAsync(long id, HttpContext http, EmojiCatalog catalog)
    {
        var emoji = await catalog.OpenAsync(id, http.RequestAborted);
        return ImageBytes.Serve(http, emoji?.Content, emoji?.ContentType);
    }

    private async Task<Outcome<int>> StoreAsync(int groupId, IReadOnlyList<EmojiFile> files, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.EmojiGroups.AnyAsync(g => g.Id == groupId, cancellationToken))
        {
            return new RuleViolation("EmojiGroupNotFound");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var keys = new List<string>(files.Count);
        try
        {
            foreach (var file in files)
            {
                var key = await store.SaveAsync(new MemoryStream(file.Content), "." + file.Type.Extension, now, cancellationToken);
                keys.Add(key);
                db.CustomEmojis.Add(new CustomEmoji(groupId, NameOf(file.Name), key, file.Type.ContentType, file.Content.Length));
            }

            await db.SaveChangesAsync(cancellationToken);
            ListChanged();
            return files.Count;
        }
        catch
        {
            DeleteFiles(keys);
            throw;
        }
    }

    private static string NameOf(string fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName.Replace('\\', '/').Split('/')[^1]).Trim();
        name = string.IsNullOrEmpty(name) ? "emoji" : name;
        return name.Length > CustomEmoji.NameMaxLength ? name[..CustomEmoji.NameMaxLength] : name;
    }

    private void ListChanged() => _list.Invalidate();

    private async Task<IReadOnlyList<EmojiGroupView>> ReadListAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var groups = await db.EmojiGroups.AsNoTracking().OrderBy(g => g.Id).ToListAsync(cancellationToken);
        var emoji = await db.CustomEmojis.AsNoTracking().OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.GroupId, e.Name }).ToListAsync(cancellationToken);
        var byGroup = emoji.ToLookup(e => e.GroupId);
        return [.. groups.Select(g => new EmojiGroupView(g.Id, g.Name, [.. byGroup[g.Id].Select(e => new EmojiItem(e.Id, e.Name, UrlFor(e.Id)))]))];
    }

    private void DeleteFiles(IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            store.Delete(key);
        }
    }
}

/// <summary>An emoji's stored bytes (the caller disposes <see cref="Content"/>).</summary>
public sealed record EmojiContent(Stream Content, string FileName, long Size, string ContentType);
