using CustomerService.Data;
using CustomerService.Domain.Notifications;
using CustomerService.Domain.Qc;
using CustomerService.Web.Features.Notifications;
using CustomerService.Web.Infrastructure;
using CustomerService.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CustomerService.Web.Features.Qc;

/// <summary>
/// Tells the graded agent, through the existing notifications (SPEC F10, issue 13), that he was graded or that his
/// dispute was answered. The notice is added to the same context as the grade, so both are saved or neither; the badge
/// is told after the save.
/// </summary>
public sealed class QcNotifier(IStringLocalizer<UiText> text, ChangeFeed<NoticesChanged> changes)
{
    internal void Graded(CustomerServiceDbContext db, QcGrade grade, QcReader inspector) =>
        Add(db, grade.AgentId, inspector, text["Qc.Notice.GradedTitle"], text["Qc.Notice.GradedBody", grade.ConversationId, grade.EffectiveScore.ToString()]);

    internal void Answered(CustomerServiceDbContext db, QcGrade grade, QcReader inspector)
    {
        var body = grade.DisputeState == QcDisputeState.Revised
            ? text["Qc.Notice.RevisedBody", grade.ConversationId, grade.OriginalScore.ToString(), grade.EffectiveScore.ToString()]
            : text["Qc.Notice.UpheldBody", grade.ConversationId, grade.EffectiveScore.ToString()];
        Add(db, grade.AgentId, inspector, text["Qc.Notice.AnsweredTitle"], body);
    }

    internal void Published(int agentId) => changes.Publish(new NoticesChanged([agentId]));

    private static void Add(CustomerServiceDbContext db, int agentId, QcReader inspector, string title, string body) =>
        db.Notices.Add(new Notice(title, body, NoticeTarget.Person(agentId), inspector.AccountId, inspector.Name, [agentId]));
}
