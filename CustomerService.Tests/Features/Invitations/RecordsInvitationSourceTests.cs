using CustomerService.Domain.Invitations;
using CustomerService.Domain.Records;
using CustomerService.Domain.Reporting;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Features.Records;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Records;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Features.Invitations;

/// <summary>互动记录 → 客户来源 → 主动邀请: exactly the consultations an accepted invitation opened (as 数据分析 counts them).</summary>
public sealed class RecordsInvitationSourceTests
{
    private static readonly DateTime March10 = new(2026, 3, 10, 4, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task The_invitation_source_finds_exactly_the_conversations_accepted_invitations_opened()
    {
        await using var database = await TestDatabase.CreateAsync(services => services.AddRecordsFeature());
        database.Clock.Set(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var team = await DemoTeam.AddToAsync(database);
        var invited = await new RecordConversationBuilder(March10).ServedBy(team.Sales1).Answered().SaveAsync(database);
        var afterDecline = await new RecordConversationBuilder(March10.AddMinutes(5)).ServedBy(team.Sales1).Answered().SaveAsync(database);
        var invitedUnanswered = await new RecordConversationBuilder(March10.AddMinutes(10)).ServedBy(team.Sales2).Unanswered().SaveAsync(database);
        await new RecordConversationBuilder(March10.AddMinutes(15)).ServedBy(team.Sales2).Answered().SaveAsync(database);
        await using (var db = database.NewContext())
        {
            var conversations = await db.Conversations.Where(c => c.Id == invited || c.Id == afterDecline || c.Id == invitedUnanswered)
                .ToDictionaryAsync(c => c.Id, c => c.VisitorId);
            var accepted = new Invitation(1, conversations[invited], team.Sales1, 1, "您好", March10.AddSeconds(-20), TimeSpan.FromMinutes(1));
            accepted.Accept(invited, March10);
            // The visitor said no, then asked on his own five minutes later: his own request, not an invitation's.
            var declined = new Invitation(2, conversations[afterDecline], team.Sales1, 1, "您好", March10.AddMinutes(4), TimeSpan.FromMinutes(1));
            declined.Decline(March10.AddMinutes(4).AddSeconds(10));
            var acceptedButInvalid = new Invitation(3, conversations[invitedUnanswered], team.Sales2, 1, "您好", March10.AddMinutes(10).AddSeconds(-5), TimeSpan.FromMinutes(1));
            acceptedButInvalid.Accept(invitedUnanswered, March10.AddMinutes(10));
            db.Invitations.AddRange(accepted, declined, acceptedButInvalid);
            await db.SaveChangesAsync();
        }

        var search = new RecordSearch(new ReportPeriod(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31)), RecordList.All,
            new RecordFilter { Source = SourceFilter.Invitation });
        var page = await database.GetRequiredService<RecordListService>().PageAsync(team.Admin, search, null, 100);

        Assert.Null(page.Violation);
        Assert.Equal([invitedUnanswered, invited], page.Value!.Rows.Select(r => r.Id));
    }
}
