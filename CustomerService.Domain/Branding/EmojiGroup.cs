using CustomerService.Domain.Common;

namespace CustomerService.Domain.Branding;

/// <summary>A custom emoji group (seed 002 “10.表情管理”: 新建分组 adds a tab to both pickers). The system set is built in and has no row.</summary>
public class EmojiGroup : IAudited
{
    public const int NameMaxLength = 20;

    private EmojiGroup()
    {
        Name = string.Empty;
    }

    public EmojiGroup(string name)
    {
        RuleViolationException.ThrowIf(CheckName(name));
        Name = name.Trim();
    }

    public int Id { get; private set; }
    public string Name { get; private set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public static RuleViolation? CheckName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? new RuleViolation("Required", "Emoji.GroupName")
        : name.Trim().Length > NameMaxLength ? new RuleViolation("TooLong", "Emoji.GroupName", NameMaxLength)
        : null;
}

/// <summary>
/// One custom image emoji: the bytes live in the upload store under <see cref="StorageKey"/> (the server's name, never
/// the uploader's); the type was decided by the content (<see cref="EmojiImage"/>). Sending one copies the bytes into
/// the conversation, so deleting an emoji later never empties a transcript.
/// </summary>
public class CustomEmoji : IAudited
{
    public const int NameMaxLength = 64;

    private CustomEmoji()
    {
        Name = StorageKey = ContentType = string.Empty;
    }

    public CustomEmoji(int groupId, string name, string storageKey, string contentType, long size)
    {
        GroupId = groupId;
        Name = name;
        StorageKey = storageKey;
        ContentType = contentType;
        Size = size;
    }

    public long Id { get; private set; }
    public int GroupId { get; private set; }

    /// <summary>The uploaded file's name without its extension, shortened to <see cref="NameMaxLength"/>: the picker's tooltip.</summary>
    public string Name { get; private set; }

    public string StorageKey { get; private set; }
    public string ContentType { get; private set; }
    public long Size { get; private set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// An uploaded image the enterprise shows publicly (the logo of 企业信息, the avatar of 统一客服): served to anyone at
/// <c>/api/branding/images/{id}</c>, so it lives in its own table — a conversation's uploads never become public.
/// </summary>
public class BrandImage : IAudited
{
    private BrandImage()
    {
        StorageKey = ContentType = string.Empty;
    }

    public BrandImage(string storageKey, string contentType, long size)
    {
        StorageKey = storageKey;
        ContentType = contentType;
        Size = size;
    }

    public long Id { get; private set; }
    public string StorageKey { get; private set; }
    public string ContentType { get; private set; }
    public long Size { get; private set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public string Url => UrlFor(Id);

    public static string UrlFor(long id) => $"/api/branding/images/{id}";

    /// <summary>The id of a brand image's own address (<see cref="UrlFor"/>); null for any other address.</summary>
    public static long? IdOf(string? url)
    {
        const string prefix = "/api/branding/images/";
        return url is not null && url.StartsWith(prefix, StringComparison.Ordinal)
            && long.TryParse(url.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
    }
}
