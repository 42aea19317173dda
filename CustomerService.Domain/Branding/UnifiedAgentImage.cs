using CustomerService.Domain.Common;

namespace CustomerService.Domain.Branding;

/// <summary>
/// 统一客服 (seed 002 “二、企业设置 3.统一客服”): the enterprise may show every agent to visitors under one image, item by
/// item — avatar, external name, signature — and may have the visitor's window pop open by itself when an agent writes
/// before the visitor has opened it. Only what visitors see changes: agents, records and reports keep real names.
/// There is exactly one row.
/// </summary>
public class UnifiedAgentImage : IAudited
{
    public const int SingletonId = 1;
    public const int NameMaxLength = 32;
    public const int SignatureMaxLength = 100;
    public const int AvatarUrlMaxLength = 300;

    private UnifiedAgentImage()
    {
    }

    public UnifiedAgentImage(UnifiedAgentImageInput input)
    {
        Id = SingletonId;
        Update(input);
    }

    public int Id { get; private set; }
    public bool UnifyAvatar { get; private set; }
    public string? AvatarUrl { get; private set; }
    public bool UnifyName { get; private set; }
    public string? Name { get; private set; }
    public bool UnifySignature { get; private set; }
    public string? Signature { get; private set; }

    /// <summary>访客未发送消息打开窗口是否强制弹窗: an agent's message opens the closed widget instead of only counting as unread.</summary>
    public bool PopUpOnAgentMessage { get; private set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public static UnifiedAgentImage CreateDefault() => new(UnifiedAgentImageInput.Off);

    /// <summary>A chosen item needs its content; what is not chosen may be left as it is (kept for the next time it is chosen).</summary>
    public static RuleViolation? Check(UnifiedAgentImageInput input) =>
        input.UnifyName && string.IsNullOrWhiteSpace(input.Name) ? new RuleViolation("Required", "Unified.Name")
        : input.Name is { } name && name.Trim().Length > NameMaxLength ? new RuleViolation("TooLong", "Unified.Name", NameMaxLength)
        : input.UnifySignature && string.IsNullOrWhiteSpace(input.Signature) ? new RuleViolation("Required", "Unified.Signature")
        : input.Signature is { } signature && signature.Trim().Length > SignatureMaxLength
            ? new RuleViolation("TooLong", "Unified.Signature", SignatureMaxLength)
        : input.UnifyAvatar && string.IsNullOrWhiteSpace(input.AvatarUrl) ? new RuleViolation("Required", "Unified.Avatar")
        : input.AvatarUrl is { Length: > AvatarUrlMaxLength } ? new RuleViolation("TooLong", "Unified.Avatar", AvatarUrlMaxLength)
        : input.AvatarUrl is { Length: > 0 } url && !ImageAddress.IsAllowed(url.Trim()) ? new RuleViolation("UrlFormat")
        : null;

    public void Update(UnifiedAgentImageInput input)
    {
        RuleViolationException.ThrowIf(Check(input));
        UnifyAvatar = input.UnifyAvatar;
        AvatarUrl = Blank(input.AvatarUrl);
        UnifyName = input.UnifyName;
        Name = Blank(input.Name);
        UnifySignature = input.UnifySignature;
        Signature = Blank(input.Signature);
        PopUpOnAgentMessage = input.PopUpOnAgentMessage;
    }

    /// <summary>What a visitor sees of an agent: each chosen item replaced by the enterprise's, the others the agent's own.</summary>
    public AgentFace Present(AgentFace real) => new(
        UnifyName && Name is not null ? Name : real.Name,
        UnifyAvatar && AvatarUrl is not null ? AvatarUrl : real.AvatarUrl,
        UnifySignature && Signature is not null ? Signature : real.Signature);

    public UnifiedAgentImageInput ToInput() => new(UnifyAvatar, AvatarUrl, UnifyName, Name, UnifySignature, Signature, PopUpOnAgentMessage);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>An agent as a visitor sees him: external name, avatar, signature.</summary>
public sealed record AgentFace(string Name, string? AvatarUrl, string? Signature);

public sealed record UnifiedAgentImageInput(
    bool UnifyAvatar, string? AvatarUrl, bool UnifyName, string? Name, bool UnifySignature, string? Signature, bool PopUpOnAgentMessage)
{
    public static UnifiedAgentImageInput Off { get; } = new(false, null, false, null, false, null, false);
}
