using CustomerService.Domain.Branding;
using CustomerService.Domain.Conversations;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Features.Visitors.Api;

namespace CustomerService.Web.Features.Branding;

/// <summary>
/// How agents look to visitors (统一客服): every answer of the visitor API that names or shows an agent — the agent in a
/// session or state answer, an agent message's sender name and avatar, the transfer / join / leave notices, the
/// visitor's transcript — goes through one lens. Stored messages keep the real name: agents, records, reports and the
/// integration API read them untouched.
/// </summary>
public sealed class AgentImageLens(UnifiedAgentImage settings, IReadOnlyDictionary<int, string> signatures)
{
    /// <summary>Notices whose argument is an agent's external name (see <see cref="NoticeCode"/>).</summary>
    private static readonly string[] AgentNamedNotices = [NoticeCode.Transferred, NoticeCode.AgentJoined, NoticeCode.AgentLeft, NoticeCode.AgentLost];

    public bool PopUpOnAgentMessage => settings.PopUpOnAgentMessage;

    public AgentInfo? AgentOf(ConversationView view)
    {
        if (view.AgentName is not { } name)
        {
            return null;
        }

        var face = settings.Present(new AgentFace(name, view.AgentAvatarUrl, view.AgentId is { } id ? signatures.GetValueOrDefault(id) : null));
        return new AgentInfo(face.Name, face.AvatarUrl, face.Signature);
    }

    public ConversationResponse Render(ConversationView view) => ConversationResponse.From(view) with { Agent = AgentOf(view) };

    public MessageResponse Render(MessageView message, Func<string, string, string> noticeText, VisitorFileLinks fileLinks)
    {
        var response = MessageResponse.From(Apply(message), noticeText, fileLinks);
        return message.Sender == MessageSender.Agent && settings.UnifyAvatar ? response with { Avatar = settings.AvatarUrl } : response;
    }

    /// <summary>The message with the unified name in place of the agent's, where the visitor would read it.</summary>
    public MessageView Apply(MessageView message)
    {
        if (!settings.UnifyName || settings.Name is not { } name)
        {
            return message;
        }

        return message.Sender == MessageSender.Agent ? message with { SenderName = name }
            : message.Notice is { } code && AgentNamedNotices.Contains(code) ? message with { Text = name }
            : message;
    }
}
