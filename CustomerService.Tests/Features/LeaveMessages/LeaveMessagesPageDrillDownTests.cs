using Bunit;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Organisation;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Features.LeaveMessages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.LeaveMessages;

/// <summary>
/// The inbox page opened by a KPI drill-down (issue 11) lists the messages of the address's period and credited agent,
/// and keeps them when the 全部 / 已处理 / 未处理 filter changes: the page reads the address as
/// <see cref="LeaveMessageListAddress"/> writes it.
/// </summary>
public sealed class LeaveMessagesPageDrillDownTests : BunitTestBase
{
    // Asia/Shanghai: 10 September 2026, 10:00 local.
    private static readonly DateTime September10 = new(2026, 9, 10, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_drill_down_address_lists_the_credited_agents_messages_of_the_period_and_the_filter_keeps_them()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var admin = await scenario.AddAgentAsync("boss", role: AccountRole.Admin);
        var (a, b) = (await scenario.AddAgentAsync("a"), await scenario.AddAgentAsync("b"));
        await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(a, 0), new MemberAssignment(b, 0));
        var (entry, group) = await EntryAsync(scenario, "presale");
        var mine = await MessageAsync(scenario, 1, entry, group, September10, responsible: a, handledBy: null);
        var handledByA = await MessageAsync(scenario, 2, entry, group, September10.AddHours(1), responsible: null, handledBy: a);
        await MessageAsync(scenario, 3, entry, group, September10.AddHours(2), responsible: b, handledBy: a);
        await MessageAsync(scenario, 4, entry, group, new DateTime(2026, 8, 31, 15, 0, 0, DateTimeKind.Utc), responsible: a, handledBy: null);
        Services.AddSingleton(scenario.Database.GetRequiredService<LeaveMessageInbox>());
        Services.AddSingleton(scenario.Events);
        SignInAs(AccountRole.Admin, admin);
        // Interactive, as in a circuit: the page subscribes to new messages only there.
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var link = LeaveMessageListAddress.For(new LeaveMessageCriteria(
            LeaveMessageFilter.All, new(new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 30)), CreditedAgentId: a));
        Services.GetRequiredService<NavigationManager>().NavigateTo(link);

        var page = Render<LeaveMessagesPage>();

        page.WaitForAssertion(() => Assert.Equal([handledByA, mine], Rows(page)));
        Assert.NotNull(page.Find("[data-testid=leave-messages-drill-down]"));
        await page.InvokeAsync(() => page.FindComponent<MudBlazor.MudToggleGroup<LeaveMessageFilter>>().Instance.ValueChanged.InvokeAsync(LeaveMessageFilter.Handled));
        page.WaitForAssertion(() => Assert.Equal([handledByA], Rows(page)));
    }

    private static List<long> Rows(IRenderedComponent<LeaveMessagesPage> page) =>
        [.. page.FindAll("[data-testid=leave-message-row]").Select(r => long.Parse(r.GetAttribute("data-leave-message-id")!, System.Globalization.CultureInfo.InvariantCulture))];

    private static async Task<(int Entry, int Group)> EntryAsync(EngineScenario scenario, string code)
    {
        await using var db = scenario.NewContext();
        var entry = db.ConsultationEntries.Single(e => e.Code == code);
        return (entry.Id, entry.ReceptionGroupId);
    }

    private static async Task<long> MessageAsync(
        EngineScenario scenario, long id, int entry, int group, DateTime createdAt, int? responsible, int? handledBy)
    {
        await using var db = scenario.NewContext();
        var message = new LeaveMessage(id, null, entry, group, responsible, null, new LeaveMessageContentBuilder().Build(), createdAt);
        if (handledBy is { } by)
        {
            message.MarkHandled(by, createdAt.AddHours(1));
        }

        db.LeaveMessages.Add(message);
        await db.SaveChangesAsync();
        return id;
    }
}
