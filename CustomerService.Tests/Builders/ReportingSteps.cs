using CustomerService.Domain.Reporting;
using CustomerService.Web.Features.Reporting;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Builders;

/// <summary>Steps the reporting tests share: a valid consultation, days marked stale, the report service.</summary>
public static class ReportingSteps
{
    /// <summary>A valid consultation at <paramref name="at"/>: the visitor asks, the agent answers 20 s later, it ends 5 min after.</summary>
    public static async Task ValidConsultationAsync(this EngineScenario scenario, string entry, int agent, long visitor, DateTimeOffset at)
    {
        scenario.Clock.Set(at);
        var conversation = await scenario.StartActiveAsync(entry, visitor);
        await scenario.Engine.AppendVisitorMessageAsync(visitor, conversation, $"v{conversation}", "在吗？");
        scenario.Clock.Set(at.AddSeconds(20));
        await scenario.Engine.AppendAgentMessageAsync(agent, conversation, $"a{conversation}", "在的。");
        scenario.Clock.Set(at.AddMinutes(5));
        await scenario.Engine.EndByAgentAsync(agent, conversation);
    }

    /// <summary>Marks every day of the range stale, so reports read them from facts alone.</summary>
    public static async Task MarkStaleAsync(this EngineScenario scenario, DateOnly from, DateOnly to)
    {
        await using var db = scenario.NewContext();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            db.RollupDirtyMarks.Add(new RollupDirtyMark(day, scenario.Clock.GetUtcNow().UtcDateTime));
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Marks the report's period stale and asserts that facts alone give the same total and agents' figures.</summary>
    public static async Task AssertFactsAloneGiveAsync(this EngineScenario scenario, AgentReport rolled, ReportAudience audience)
    {
        await scenario.MarkStaleAsync(rolled.Period.From, rolled.Period.To);
        var facts = await scenario.Reports().AgentsAsync(rolled.Period, audience);
        Assert.Equal(facts.Total, rolled.Total);
        Assert.Equal(facts.Agents.Select(a => a.Figures), rolled.Agents.Select(a => a.Figures));
    }

    public static ReportService Reports(this EngineScenario scenario) => scenario.Database.Services.GetRequiredService<ReportService>();
}
