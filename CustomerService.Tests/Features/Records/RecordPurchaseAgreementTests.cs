using CustomerService.Domain.Records;
using CustomerService.Domain.Reporting;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Records;
using CustomerService.Web.Features.Reporting;

namespace CustomerService.Tests.Features.Records;

/// <summary>
/// 已购买 in the records lists is the reporting core's 已购买咨询 (SPEC I0, OrderAttribution.IsPurchased): the list and
/// the report service count the same conversations, right at the edges of the attribution window.
/// </summary>
public sealed class RecordPurchaseAgreementTests
{
    [Fact]
    public async Task The_purchased_list_counts_what_the_report_service_counts()
    {
        await using var database = await TestDatabase.CreateAsync(services => services.AddRecordsFeature());
        database.Clock.Set(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        await database.AddEnterpriseAsync("UTC");
        var team = await DemoTeam.AddToAsync(database);
        var at = new DateTime(2026, 3, 10, 4, 0, 0, DateTimeKind.Utc);
        // Bought: an order 7 days later to the second (the window's last instant) and one 2 days later.
        await new RecordConversationBuilder(at).ServedBy(team.Sales1).Answered().ForUser("u-edge").OrderPlacedAfter(TimeSpan.FromDays(7)).SaveAsync(database);
        await new RecordConversationBuilder(at.AddHours(1)).ServedBy(team.Sales1).Answered().ForUser("u-soon").OrderPlacedAfter(TimeSpan.FromDays(2)).SaveAsync(database);
        // Not bought: one second past the window; no order; anonymous.
        await new RecordConversationBuilder(at.AddHours(2)).ServedBy(team.Sales1).Answered().ForUser("u-late").OrderPlacedAfter(TimeSpan.FromDays(7).Add(TimeSpan.FromSeconds(1))).SaveAsync(database);
        await new RecordConversationBuilder(at.AddHours(3)).ServedBy(team.Sales1).Answered().ForUser("u-none").SaveAsync(database);
        await new RecordConversationBuilder(at.AddHours(4)).ServedBy(team.Sales1).Answered().SaveAsync(database);
        var march = new ReportPeriod(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31));

        var counts = (await database.GetRequiredService<RecordListService>()
            .CountsAsync(team.Admin, new RecordSearch(march, RecordList.Valid, new RecordFilter()))).Value!;
        var report = await database.GetRequiredService<ReportService>()
            .AgentsAsync(march, ReportAudience.Enterprise([team.Admin, team.Lead, team.Sales1, team.Sales2, team.Sales3, team.Qc]));

        Assert.Equal(2, counts[RecordList.Purchased]);
        Assert.Equal(3, counts[RecordList.NotPurchased]);
        Assert.Equal(2, report.Total.PurchasedConsultations);
    }
}
