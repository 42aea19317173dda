using CustomerService.Domain.Conversations;
using CustomerService.Domain.Customers;
using CustomerService.Domain.Reporting;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Records;

namespace CustomerService.Tests.Features.Records;

/// <summary>
/// 整体统计 (SPEC G4) for one builder-made day, figures worked out by hand from the conversations below, and each role's
/// scope (SPEC B: admin and QC everyone, the team lead of 售前组 sales1 and sales2, a sales agent himself).
/// </summary>
public sealed class RecordStatisticsTests : IAsyncLifetime
{
    private static readonly DateTime March10 = new(2026, 3, 10, 4, 0, 0, DateTimeKind.Utc);
    private static readonly ReportPeriod Day = new(new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 10));

    private TestDatabase _db = null!;
    private DemoTeam _team = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(services => services.AddRecordsFeature());
        _db.Clock.Set(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        await _db.AddEnterpriseAsync("UTC");
        _team = await DemoTeam.AddToAsync(_db);
        int parent, child;
        await using (var db = _db.NewContext())
        {
            var afterSales = new ConsultationType(0, null, "售后");
            db.ConsultationTypes.Add(afterSales);
            await db.SaveChangesAsync();
            var refund = new ConsultationType(0, afterSales.Id, "退款");
            db.ConsultationTypes.Add(refund);
            await db.SaveChangesAsync();
            (parent, child) = (afterSales.Id, refund.Id);
        }

        var t = March10;
        // c1 sales1: valid, bought within the window, summarised 退款, 非常满意, a signed user (u-1).
        await new RecordConversationBuilder(t).ServedBy(_team.Sales1).Answered().RatedAs(EvaluationLevel.VerySatisfied)
            .SummarizedAs(child).ForUser("u-1").OrderPlacedAfter(TimeSpan.FromDays(2)).SaveAsync(_db);
        // c2 sales1: valid, VIP, 满意, not summarised, anonymous.
        await new RecordConversationBuilder(t.AddMinutes(1)).ServedBy(_team.Sales1).Answered().Vip().RatedAs(EvaluationLevel.Satisfied).SaveAsync(_db);
        // c3 sales2: invalid (the agent never answered), anonymous.
        await new RecordConversationBuilder(t.AddMinutes(2)).ServedBy(_team.Sales2).Unanswered().SaveAsync(_db);
        // c4 sales2: valid, summarised 退款, a signed user (u-2) who is a CRM customer.
        await new RecordConversationBuilder(t.AddMinutes(3)).ServedBy(_team.Sales2).Answered().SummarizedAs(child).ForUser("u-2").SaveAsync(_db);
        // c5 sales3: valid, summarised 售后, anonymous.
        await new RecordConversationBuilder(t.AddMinutes(4)).ServedBy(_team.Sales3).Answered().SummarizedAs(parent).SaveAsync(_db);
        // Not in the day: the next day's, and one that never reached an agent (SPEC I0).
        await new RecordConversationBuilder(t.AddDays(1)).ServedBy(_team.Sales1).Answered().SaveAsync(_db);
        await new RecordConversationBuilder(t.AddMinutes(30)).SaveAsync(_db);
        await using (var db = _db.NewContext())
        {
            db.Customers.Add(Customer.Create(CustomerSource.Crm, new CustomerData(new CustomerDetails("客户乙", null, null, null), "u-2", null), _team.Admin, null, t));
            await db.SaveChangesAsync();
        }
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task The_nine_panels_hold_the_hand_worked_figures_of_the_day()
    {
        var s = await ComputeAsync(_team.Admin);

        var f = s.Figures;
        Assert.Equal((4L, 1L), (f.Valid, f.Invalid));
        Assert.Equal((1L, 3L), (f.PurchasedConsultations, s.NotPurchased));
        Assert.Equal((3L, 1L), (f.Summarized, f.Unsummarized));
        Assert.Equal(new RatingCounts(1, 1, 0, 0, 0, 3), f.Ratings);
        Assert.Equal((0L, 0L, 0L, 0L), (f.QcExcellent, f.QcGood, f.QcPass, f.QcPoor));
        Assert.Equal((0L, 0L), (f.LeaveMessagesHandled, f.LeaveMessagesUnhandled));
        Assert.Equal(new Web.Features.Reporting.VisitorIdentityFigures(AnonymousVisitors: 3, SignedInVisitors: 2, Vip: 1, NonVip: 4, Crm: 1, NonCrm: 4), s.Identity);
        Assert.Equal([new RankedCount("退款", 2), new RankedCount("售后", 1)], s.TopTypes);
        Assert.Equal(5, s.TopStartPages.Count);
        Assert.All(s.TopStartPages, p => Assert.Equal(1, p.Consultations));
    }

    [Fact]
    public async Task People_are_counted_once_however_often_and_from_however_many_devices_they_consult()
    {
        // u-1 consults again from a second device (a new visitor signed in as u-1); c2's anonymous visitor comes back.
        await new RecordConversationBuilder(March10.AddMinutes(10)).ServedBy(_team.Sales3).Answered().ForUser("u-1").SaveAsync(_db);
        long returning;
        await using (var db = _db.NewContext())
        {
            returning = db.Conversations.Where(c => c.RequestedAt == March10.AddMinutes(1)).Select(c => c.VisitorId).Single();
        }

        await new RecordConversationBuilder(March10.AddMinutes(11)).ServedBy(_team.Sales3).Answered().ForVisitor(returning).SaveAsync(_db);

        var s = await ComputeAsync(_team.Admin);

        // 访客人数: the visitors of c2, c3 and c5 (c2's came twice); 登录人数: the users u-1 (two devices) and u-2.
        Assert.Equal((3L, 2L), (s.Identity.AnonymousVisitors, s.Identity.SignedInVisitors));
    }

    [Fact]
    public async Task A_customer_filed_from_a_visitor_or_holding_his_user_id_makes_his_consultations_CRM_ones()
    {
        // c2's anonymous visitor is filed as a customer from the console; u-2 (a customer by user id) comes back from a
        // second device.
        await using (var db = _db.NewContext())
        {
            var c2Visitor = db.Conversations.Where(c => c.RequestedAt == March10.AddMinutes(1)).Select(c => c.VisitorId).Single();
            db.Customers.Add(Customer.FromConsole(c2Visitor, null, new CustomerDetails("客户甲", null, null, null), _team.Sales1, March10));
            await db.SaveChangesAsync();
        }

        await new RecordConversationBuilder(March10.AddMinutes(12)).ServedBy(_team.Sales3).Answered().ForUser("u-2").SaveAsync(_db);

        var s = await ComputeAsync(_team.Admin);

        // CRM: c2 (its visitor), c4 and the new one (u-2's id); not: c1, c3, c5. People: c2, c3, c5's visitors; u-1, u-2.
        Assert.Equal(new Web.Features.Reporting.VisitorIdentityFigures(AnonymousVisitors: 3, SignedInVisitors: 2, Vip: 1, NonVip: 5, Crm: 3, NonCrm: 3), s.Identity);
    }

    [Theory]
    [InlineData("sales1", 2, 0, 1, 1, 1, 1, 0)]
    [InlineData("sales3", 1, 0, 0, 1, 0, 0, 0)]
    [InlineData("lead", 3, 1, 1, 2, 2, 1, 1)]
    [InlineData("qc", 4, 1, 1, 3, 2, 1, 1)]
    public async Task Each_role_sees_the_figures_of_its_scope(
        string login, long valid, long invalid, long purchased, long anonymous, long signedIn, long vip, long crm)
    {
        var s = await ComputeAsync(_team[login]);

        Assert.Equal(
            (valid, invalid, purchased, anonymous, signedIn, vip, crm),
            (s.Figures.Valid, s.Figures.Invalid, s.Figures.PurchasedConsultations, s.Identity.AnonymousVisitors, s.Identity.SignedInVisitors, s.Identity.Vip, s.Identity.Crm));
    }

    [Fact]
    public async Task A_period_over_a_year_is_refused()
    {
        var computed = await _db.GetRequiredService<RecordStatisticsService>()
            .ComputeAsync(_team.Admin, new ReportPeriod(new DateOnly(2025, 1, 1), new DateOnly(2026, 3, 10)));

        Assert.Equal("ReportPeriodTooLong", computed.Violation?.Code);
    }

    private async Task<RecordStatistics> ComputeAsync(int accountId)
    {
        var computed = await _db.GetRequiredService<RecordStatisticsService>().ComputeAsync(accountId, Day);
        Assert.Null(computed.Violation);
        return computed.Value!;
    }
}
