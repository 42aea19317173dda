namespace CustomerService.Domain.Conversations;

/// <summary>
/// SPEC D5: a consultation is valid when the visitor and an agent each sent at least one non-system message; anything
/// one-sided is invalid (seed 002 KPI: “只有客户或者客服单方面发起的但对方并未回复的咨询”).
/// </summary>
public static class ConsultationClassifier
{
    public static ConsultationValidity Classify(int visitorMessageCount, int agentMessageCount) =>
        visitorMessageCount > 0 && agentMessageCount > 0 ? ConsultationValidity.Valid : ConsultationValidity.Invalid;

    public static ConsultationValidity Classify(IEnumerable<MessageSender> senders)
    {
        ArgumentNullException.ThrowIfNull(senders);

        var visitorSpoke = false;
        var agentSpoke = false;
        foreach (var sender in senders)
        {
            switch (sender)
            {
                case MessageSender.Visitor:
                    visitorSpoke = true;
                    break;
                case MessageSender.Agent:
                    agentSpoke = true;
                    break;
                case MessageSender.System:
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(senders), sender, "Unknown message sender.");
            }

            if (visitorSpoke && agentSpoke)
            {
                return ConsultationValidity.Valid;
            }
        }

        return ConsultationValidity.Invalid;
    }
}
