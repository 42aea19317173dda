using CustomerService.Domain.Conversations;

namespace CustomerService.Web.Features.Demo.History;

/// <summary>
/// 留言: written by visitors who gave up waiting or came when nobody was on duty; most are handled by an agent of the
/// group — many within hours, some only after 24 h (24小时处理量), some never.
/// </summary>
internal sealed class HistoryLeaveMessages(Random random, HistoryStaff staff, HistoryIds ids, DateTime now)
{
    public LeaveMessage Create(long visitorId, int entryId, int receptionGroupId, long? conversationId, DateTime at, int? responsibleAgentId)
    {
        var message = new LeaveMessage(
            ++ids.LeaveMessage, visitorId, entryId, receptionGroupId, responsibleAgentId, conversationId,
            new LeaveMessageContent(
                HistoryPhrases.CustomerNames[random.Next(HistoryPhrases.CustomerNames.Length)],
                "13" + random.Next(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
                null,
                HistoryPhrases.LeaveMessages[random.Next(HistoryPhrases.LeaveMessages.Length)]),
            at);
        var r = random.NextDouble();
        var delay = r < 0.5 ? TimeSpan.FromMinutes(random.Next(10, 8 * 60))
            : r < 0.75 ? TimeSpan.FromMinutes(random.Next(8 * 60, 24 * 60))
            : r < 0.9 ? TimeSpan.FromMinutes(random.Next(24 * 60 + 1, 72 * 60))
            : (TimeSpan?)null;
        if (delay is { } wait && at + wait < now)
        {
            var group = staff.AgentsByGroup.GetValueOrDefault(receptionGroupId) ?? staff.Agents;
            message.MarkHandled(responsibleAgentId ?? group[random.Next(group.Count)].Id, at + wait);
        }

        return message;
    }
}
