using CustomerService.Domain.Common;

namespace CustomerService.Domain.LeaveMessages;

/// <summary>
/// 留言设置 (SPEC K; seed 002 “设置 7.留言”): whether visitors may leave a message when no agent can take them, which
/// fields of the form are shown or required, and the notice shown above it. One row for the enterprise.
/// </summary>
public class LeaveMessageSettings : IAudited
{
    public const int SingletonId = 1;
    public const int NoticeMaxLength = 500;

    private LeaveMessageSettings()
    {
    }

    public LeaveMessageSettings(LeaveMessageOptions options)
    {
        Id = SingletonId;
        Change(options);
    }

    /// <summary>What an enterprise that never opened the page gets: the form on, content required, contacts optional.</summary>
    public static LeaveMessageOptions DefaultOptions { get; } = new(
        Enabled: true,
        Name: LeaveMessageFieldMode.Optional,
        Phone: LeaveMessageFieldMode.Optional,
        Email: LeaveMessageFieldMode.Optional,
        Content: LeaveMessageFieldMode.Required,
        Notice: null);

    public int Id { get; private set; }

    /// <summary>开启: when off, visitors who cannot be served are told so instead of getting a form.</summary>
    public bool Enabled { get; private set; }

    public LeaveMessageFieldMode NameMode { get; private set; }
    public LeaveMessageFieldMode PhoneMode { get; private set; }
    public LeaveMessageFieldMode EmailMode { get; private set; }
    public LeaveMessageFieldMode ContentMode { get; private set; }

    /// <summary>公告介绍: shown at the top of the form.</summary>
    public string? Notice { get; private set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public LeaveMessageOptions Options => new(Enabled, NameMode, PhoneMode, EmailMode, ContentMode, Notice);

    public static RuleViolation? Check(LeaveMessageOptions options) =>
        options.Notice is { } notice && notice.Trim().Length > NoticeMaxLength
            ? new RuleViolation("TooLong", "LeaveMessage.Notice", NoticeMaxLength)
        // A form that asks for nothing would store empty messages nobody can answer.
        : new[] { options.Name, options.Phone, options.Email, options.Content }.All(m => m == LeaveMessageFieldMode.Hidden)
            ? new RuleViolation("LeaveMessageNoFields")
        : null;

    public void Change(LeaveMessageOptions options)
    {
        RuleViolationException.ThrowIf(Check(options));
        Enabled = options.Enabled;
        NameMode = options.Name;
        PhoneMode = options.Phone;
        EmailMode = options.Email;
        ContentMode = options.Content;
        Notice = string.IsNullOrWhiteSpace(options.Notice) ? null : options.Notice.Trim();
    }
}

/// <summary>The values of the leave-message settings, as the page edits them and the visitor form reads them.</summary>
public sealed record LeaveMessageOptions(
    bool Enabled,
    LeaveMessageFieldMode Name,
    LeaveMessageFieldMode Phone,
    LeaveMessageFieldMode Email,
    LeaveMessageFieldMode Content,
    string? Notice);
