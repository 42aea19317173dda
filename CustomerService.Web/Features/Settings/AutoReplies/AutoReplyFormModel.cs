using CustomerService.Domain.Conversations;

namespace CustomerService.Web.Features.Settings.AutoReplies;

/// <summary>The enterprise page's editable copy of <see cref="EnterpriseAutoReplies"/>.</summary>
public sealed class AutoReplyFormModel
{
    public string? Welcome { get; set; }
    public string? VisitorNoReply { get; set; }
    public int VisitorNoReplySeconds { get; set; }
    public string? AgentWait { get; set; }
    public int AgentWaitSeconds { get; set; }
    public bool ForceEnterpriseTexts { get; set; }
    public int IdleCloseMinutes { get; set; }

    public EnterpriseAutoReplies Values => new(
        new AutoReplyTexts(Welcome, VisitorNoReply, AgentWait), VisitorNoReplySeconds, AgentWaitSeconds, ForceEnterpriseTexts, IdleCloseMinutes);

    public static AutoReplyFormModel From(EnterpriseAutoReplies values) => new()
    {
        Welcome = values.Texts.Welcome,
        VisitorNoReply = values.Texts.VisitorNoReply,
        VisitorNoReplySeconds = values.VisitorNoReplySeconds,
        AgentWait = values.Texts.AgentWait,
        AgentWaitSeconds = values.AgentWaitSeconds,
        ForceEnterpriseTexts = values.ForceEnterpriseTexts,
        IdleCloseMinutes = values.IdleCloseMinutes,
    };
}
