using CustomerService.Domain.Common;

namespace CustomerService.Domain.Conversations;

/// <summary>
/// The enterprise's conversation settings (seed 002 设置 “自动应答”, “咨询评价”): auto-reply texts and delays (SPEC D8),
/// idle closing, evaluation rules (D9) and upload limits (D6). There is exactly one row.
/// </summary>
public class ConversationSettings
{
    public const int SingletonId = 1;
    public const int AutoReplyMaxLength = 500;
    public const int DelayMinSeconds = 10;
    public const int DelayMaxSeconds = 3600;
    public const int IdleCloseMaxMinutes = 1440;
    public const int MinVisitorMessagesMax = 100;

    /// <summary>Upload limits stay well under the web server's request size limit (30 MB by default).</summary>
    public const int UploadMinKilobytes = 16;
    public const int ImageMaxKilobytesLimit = 10 * 1024;
    public const int FileMaxKilobytesLimit = 20 * 1024;

    private ConversationSettings()
    {
        WelcomeText = VisitorNoReplyText = AgentWaitText = string.Empty;
    }

    /// <summary>Defaults for a new enterprise; texts are the enterprise's own content, so they are stored, not localized.</summary>
    public static ConversationSettings CreateDefault() => new()
    {
        Id = SingletonId,
        WelcomeText = "您好，很高兴为您服务，请问有什么可以帮您？",
        VisitorNoReplyText = "您好，请问您还在吗？如有问题请随时留言。",
        VisitorNoReplySeconds = 180,
        AgentWaitText = "客服正在为您查询，请稍候。",
        AgentWaitSeconds = 60,
        IdleCloseMinutes = 15,
        VisitorMayRateUnprompted = true,
        MinVisitorMessagesToRate = 1,
        PromptRatingOnVisitorClose = false,
        ImageMaxKilobytes = 1024,
        FileMaxKilobytes = 2048,
        WaitAmberSeconds = 30,
        WaitRedSeconds = 60,
    };

    public int Id { get; private set; }
    public string WelcomeText { get; private set; }
    public string VisitorNoReplyText { get; private set; }
    public int VisitorNoReplySeconds { get; private set; }
    public string AgentWaitText { get; private set; }
    public int AgentWaitSeconds { get; private set; }

    /// <summary>When on, every agent's conversations use the enterprise texts, whatever his personal ones say.</summary>
    public bool ForceEnterpriseAutoReplies { get; private set; }

    /// <summary>An active conversation with no message for this long ends by timeout; 0 turns idle closing off.</summary>
    public int IdleCloseMinutes { get; private set; }

    public bool VisitorMayRateUnprompted { get; private set; }
    public int MinVisitorMessagesToRate { get; private set; }
    public bool PromptRatingOnVisitorClose { get; private set; }
    /// <summary>The visitor window's custom tab (自定义页签): a title with a text, or a link shown in the tab.</summary>
    public string? CustomTabTitle { get; private set; }

    public string? CustomTabText { get; private set; }
    public string? CustomTabUrl { get; private set; }

    /// <summary>SPEC D10: closing a conversation from the console asks for its summary, with a consultation type.</summary>
    public bool SummaryRequiredOnClose { get; private set; }

    public int ImageMaxKilobytes { get; private set; }
    public int FileMaxKilobytes { get; private set; }

    public void RequireSummaryOnClose(bool required) => SummaryRequiredOnClose = required;

    /// <summary>The console's wait timer turns amber after this many seconds without an answer (issue 15).</summary>
    public int WaitAmberSeconds { get; private set; }

    /// <summary>… and red after this many.</summary>
    public int WaitRedSeconds { get; private set; }

    public WaitThresholds WaitThresholds => new(WaitAmberSeconds, WaitRedSeconds);

    public const int WaitThresholdMaxSeconds = 3600;

    public static RuleViolation? CheckWaitThresholds(int amberSeconds, int redSeconds) =>
        CheckRange(amberSeconds, 1, WaitThresholdMaxSeconds, "Console.WaitAmberSeconds")
        ?? CheckRange(redSeconds, amberSeconds + 1, WaitThresholdMaxSeconds, "Console.WaitRedSeconds");

    public void ChangeWaitThresholds(int amberSeconds, int redSeconds)
    {
        RuleViolationException.ThrowIf(CheckWaitThresholds(amberSeconds, redSeconds));
        (WaitAmberSeconds, WaitRedSeconds) = (amberSeconds, redSeconds);
    }

    public const int CustomTabTitleMaxLength = 8;
    public const int CustomTabTextMaxLength = 2000;
    public const int CustomTabUrlMaxLength = 500;

    public static RuleViolation? CheckCustomTab(string? title, string? text, string? url) =>
        string.IsNullOrWhiteSpace(title)
            ? (string.IsNullOrWhiteSpace(text) && string.IsNullOrWhiteSpace(url) ? null : new RuleViolation("Required", "ChatWindow.CustomTabTitle"))
        : title.Trim().Length > CustomTabTitleMaxLength ? new RuleViolation("TooLong", "ChatWindow.CustomTabTitle", CustomTabTitleMaxLength)
        : string.IsNullOrWhiteSpace(text) && string.IsNullOrWhiteSpace(url) ? new RuleViolation("CustomTabEmpty")
        : text is { Length: > CustomTabTextMaxLength } ? new RuleViolation("TooLong", "ChatWindow.CustomTabText", CustomTabTextMaxLength)
        : url is { Length: > 0 } && (url.Length > CustomTabUrlMaxLength || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var link)
            || (link.Scheme != Uri.UriSchemeHttps && link.Scheme != Uri.UriSchemeHttp)) ? new RuleViolation("UrlFormat")
        : null;

    /// <summary>An empty title removes the tab.</summary>
    public void ChangeCustomTab(string? title, string? text, string? url)
    {
        RuleViolationException.ThrowIf(CheckCustomTab(title, text, url));
        CustomTabTitle = string.IsNullOrWhiteSpace(title) ? null : title.Trim();
        CustomTabText = CustomTabTitle is null || string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        CustomTabUrl = CustomTabTitle is null || string.IsNullOrWhiteSpace(url) ? null : url.Trim();
    }

    public EvaluationSettings Evaluation =>
        new(VisitorMayRateUnprompted, MinVisitorMessagesToRate, PromptRatingOnVisitorClose);

    public static RuleViolation? CheckAutoReply(string? text) =>
        text is { Length: > AutoReplyMaxLength } ? new RuleViolation("TooLong", "AutoReply.Text", AutoReplyMaxLength) : null;

    /// <summary>Why <see cref="ChangeAutoReplies"/> would refuse these values, or null.</summary>
    public static RuleViolation? CheckAutoReplies(AutoReplyTexts texts, int visitorNoReplySeconds, int agentWaitSeconds, int idleCloseMinutes)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return texts.Check()
            ?? CheckRange(visitorNoReplySeconds, DelayMinSeconds, DelayMaxSeconds, "AutoReply.Delay")
            ?? CheckRange(agentWaitSeconds, DelayMinSeconds, DelayMaxSeconds, "AutoReply.Delay")
            ?? CheckRange(idleCloseMinutes, 0, IdleCloseMaxMinutes, "AutoReply.IdleClose");
    }

    public void ChangeAutoReplies(AutoReplyTexts texts, int visitorNoReplySeconds, int agentWaitSeconds, bool force, int idleCloseMinutes)
    {
        RuleViolationException.ThrowIf(CheckAutoReplies(texts, visitorNoReplySeconds, agentWaitSeconds, idleCloseMinutes));
        WelcomeText = texts.Welcome?.Trim() ?? string.Empty;
        VisitorNoReplyText = texts.VisitorNoReply?.Trim() ?? string.Empty;
        AgentWaitText = texts.AgentWait?.Trim() ?? string.Empty;
        VisitorNoReplySeconds = visitorNoReplySeconds;
        AgentWaitSeconds = agentWaitSeconds;
        ForceEnterpriseAutoReplies = force;
        IdleCloseMinutes = idleCloseMinutes;
    }

    /// <summary>“After N visitor messages” is a small count (seed 002 设置 “咨询评价”: 输入信息条数要求).</summary>
    public static RuleViolation? CheckEvaluation(EvaluationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return CheckRange(settings.MinVisitorMessages, 0, MinVisitorMessagesMax, "Evaluation.MinVisitorMessages");
    }

    public void ChangeEvaluation(EvaluationSettings settings)
    {
        RuleViolationException.ThrowIf(CheckEvaluation(settings));
        VisitorMayRateUnprompted = settings.VisitorMayRateUnprompted;
        MinVisitorMessagesToRate = settings.MinVisitorMessages;
        PromptRatingOnVisitorClose = settings.PromptOnVisitorClose;
    }

    /// <summary>Visitor upload limits in KB (SPEC D6: image 1 MB, file 2 MB by default, configurable).</summary>
    public static RuleViolation? CheckUploadLimits(int imageMaxKilobytes, int fileMaxKilobytes) =>
        CheckRange(imageMaxKilobytes, UploadMinKilobytes, ImageMaxKilobytesLimit, "ChatWindow.ImageMaxKilobytes")
        ?? CheckRange(fileMaxKilobytes, UploadMinKilobytes, FileMaxKilobytesLimit, "ChatWindow.FileMaxKilobytes");

    public void ChangeUploadLimits(int imageMaxKilobytes, int fileMaxKilobytes)
    {
        RuleViolationException.ThrowIf(CheckUploadLimits(imageMaxKilobytes, fileMaxKilobytes));
        ImageMaxKilobytes = imageMaxKilobytes;
        FileMaxKilobytes = fileMaxKilobytes;
    }

    /// <summary>The texts that apply to one agent's conversations (SPEC D8: personal unless forced or left empty).</summary>
    public AutoReplyTexts TextsFor(AgentAutoReply? personal) =>
        ForceEnterpriseAutoReplies || personal is null
            ? new AutoReplyTexts(WelcomeText, VisitorNoReplyText, AgentWaitText)
            : new AutoReplyTexts(
                Pick(personal.WelcomeText, WelcomeText),
                Pick(personal.VisitorNoReplyText, VisitorNoReplyText),
                Pick(personal.AgentWaitText, AgentWaitText));

    private static RuleViolation? CheckRange(int value, int min, int max, string field) =>
        value < min || value > max ? new RuleViolation("Range", field, min, max) : null;

    private static string Pick(string? personal, string enterprise) =>
        string.IsNullOrWhiteSpace(personal) ? enterprise : personal;
}

/// <summary>The three auto-reply texts (SPEC D8); an empty text sends nothing.</summary>
public sealed record AutoReplyTexts(string? Welcome, string? VisitorNoReply, string? AgentWait)
{
    public RuleViolation? Check() =>
        ConversationSettings.CheckAutoReply(Welcome)
        ?? ConversationSettings.CheckAutoReply(VisitorNoReply)
        ?? ConversationSettings.CheckAutoReply(AgentWait);
}

/// <summary>An agent's personal auto-replies (seed 002 个人设置 “自动应答”); empty fields fall back to the enterprise's.</summary>
public class AgentAutoReply
{
    private AgentAutoReply()
    {
    }

    public AgentAutoReply(int accountId) => AccountId = accountId;

    public int AccountId { get; private set; }
    public string? WelcomeText { get; private set; }
    public string? VisitorNoReplyText { get; private set; }
    public string? AgentWaitText { get; private set; }

    public void Change(AutoReplyTexts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        RuleViolationException.ThrowIf(texts.Check());
        WelcomeText = Blank(texts.Welcome);
        VisitorNoReplyText = Blank(texts.VisitorNoReply);
        AgentWaitText = Blank(texts.AgentWait);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
