using CustomerService.Domain.Conversations;
using CustomerService.Domain.Reporting;

namespace CustomerService.Tests.Builders;

/// <summary>
/// Report facts with defaults for everything a test does not care about: a valid conversation (one message each way)
/// assigned when requested and still open, an unpaid 咨询订单 without assistance.
/// </summary>
public static class ReportSamples
{
    public static ConsultationFact Consultation(
        long id,
        int agent,
        int group,
        DateTime requestedAt,
        DateTime? assignedAt = null,
        DateTime? endedAt = null,
        DateTime? firstVisitorMessageAt = null,
        int visitorMessages = 1,
        int agentMessages = 1,
        EvaluationLevel? evaluation = null,
        bool? solved = null,
        bool summarized = false,
        bool purchased = false,
        long? visitorId = null,
        string? userId = null,
        bool afterSale = false) =>
        new(
            id,
            visitorId ?? 1000 + id,
            userId,
            group,
            agent,
            requestedAt,
            assignedAt ?? requestedAt,
            endedAt,
            firstVisitorMessageAt,
            visitorMessages,
            agentMessages,
            evaluation,
            solved,
            summarized,
            purchased,
            afterSale);

    public static OrderSample Order(
        string id,
        decimal amount,
        DateTime placedAt,
        int? agent,
        int? group,
        DateTime? attributedRequestedAt,
        DateTime? paidAt = null,
        OrderType type = OrderType.AfterConsultation,
        int[]? assisting = null) =>
        new(id, amount, placedAt, paidAt, type, agent, group, assisting ?? [], attributedRequestedAt);

    public static UserConsultation UserConsultation(long id, DateTime requestedAt, int agent, params int[] participants) =>
        new(id, requestedAt, agent, participants.Length == 0 ? [agent] : participants);
}
