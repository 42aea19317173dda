using CustomerService.Domain.Conversations;
using CustomerService.Domain.Reporting;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Kpi;

/// <summary>Today on the demo app with one more valid consultation of sales1 (the visitor wrote, sales1 answered and ended it).</summary>
public static class KpiTestDay
{
    public static async Task<(ReportPeriod Period, int Sales1)> OneValidConversationTodayAsync(AppFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var engine = app.Services.GetRequiredService<ConversationEngine>();
        var sales1 = await app.AccountIdAsync("sales1");
        await engine.AgentConnectedAsync(sales1);
        await engine.SetStatusAsync(sales1, AgentStatus.Online);
        var visitor = await TestVisitor.StartAsync(app.Services, "presale");
        await visitor.SayAsync("你好，在吗？");
        await engine.AppendAgentMessageAsync(visitor.AgentId!.Value, visitor.ConversationId, null, "您好，请讲。");
        // Ended, so a class of tests calling this again never finds sales1 at his maximum load.
        await engine.EndByAgentAsync(visitor.AgentId!.Value, visitor.ConversationId);
        var (_, today) = await app.Services.GetRequiredService<EnterpriseTimeZone>().TodayAsync();
        return (new ReportPeriod(today, today), sales1);
    }
}
