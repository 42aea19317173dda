using CustomerService.Data;
using CustomerService.Domain.Conversations;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Reporting.Facts;

/// <summary>
/// A UTC range's consultations (conversations that reached an agent), credited to the agent responsible when each
/// ended: the one definition 咨询发起, 用户分析, 咨询类型 and 用户身份 read.
/// </summary>
public static class ConsultationQuery
{
    /// <param name="audience">Whose consultations; none or the whole enterprise: every one.</param>
    public static IQueryable<Conversation> Between(CustomerServiceDbContext db, DateTime fromUtc, DateTime toUtc, ReportAudience? audience = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var conversations = db.Conversations.AsNoTracking()
            .Where(c => c.RequestedAt >= fromUtc && c.RequestedAt < toUtc && c.AssignedAt != null && c.AgentId != null);
        if (audience is { WholeEnterprise: false })
        {
            var ids = audience.AgentIds.ToList();
            conversations = conversations.Where(c => ids.Contains(c.AgentId!.Value));
        }

        return conversations;
    }
}
