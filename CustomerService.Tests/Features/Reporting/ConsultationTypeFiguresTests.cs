using CustomerService.Domain.Conversations;
using CustomerService.Domain.Organisation;
using CustomerService.Domain.Reporting;
using CustomerService.Tests.Builders;
using CustomerService.Web.Features.Reporting;
using CustomerService.Web.Features.Settings.ConsultationTypes;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Reporting;

/// <summary>咨询类型 (SPEC I0; seed 002): 总咨询类型, 新增咨询类型 and 总结咨询量 of a period, worked out by hand.</summary>
public sealed class ConsultationTypeFiguresTests
{
    private static DateTimeOffset Local(int day, int hour) => new(2026, 1, day, hour, 0, 0, TimeSpan.FromHours(8));

    private static ReportPeriod Days(int from, int to) => new(new DateOnly(2026, 1, from), new DateOnly(2026, 1, to));

    /// <summary>
    /// 4th 23:00 (local) 物流 is added; 5th 00:00 售后 and its child 退货 are added; 6th 价格 is added (never used).
    /// On the 5th a1 summarises two valid conversations as 退货 and one as 物流; a fourth valid one stays unsummarised.
    /// 5th: used 2 (退货, 物流), added 2 (售后, 退货: 物流 came the evening before), summarised 3.
    /// 4th–6th: used 2, added 4, summarised 3.
    /// </summary>
    [Fact]
    public async Task Types_used_added_and_summarised_consultations_count_by_the_periods_local_days()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var types = scenario.Database.GetRequiredService<ConsultationTypeService>();
        scenario.Clock.Set(Local(4, 23));
        var logistics = (await types.AddAsync(null, "物流")).Value;
        scenario.Clock.Set(Local(5, 0));
        var afterSales = (await types.AddAsync(null, "售后")).Value;
        var returns = (await types.AddAsync(afterSales, "退货")).Value;

        scenario.Clock.Set(Local(5, 9));
        var a1 = await scenario.AddAgentAsync("a1");
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(a1, 0));
        await scenario.OnlineAsync(a1);
        foreach (var type in new int?[] { returns, returns, logistics, null })
        {
            var visitor = await scenario.AddVisitorAsync();
            var conversation = await scenario.StartActiveAsync(entry, visitor);
            await scenario.Engine.AppendVisitorMessageAsync(visitor, conversation, $"v-{conversation}", "你好");
            await scenario.Engine.AppendAgentMessageAsync(a1, conversation, $"a-{conversation}", "您好");
            await scenario.Engine.EndByAgentAsync(a1, conversation);
            if (type is { } typeId)
            {
                await scenario.Engine.SummarizeAsync(a1, conversation, new ConsultationSummary(typeId, null));
            }
        }

        scenario.Clock.Set(Local(6, 10));
        await types.AddAsync(null, "价格");
        var reports = scenario.Database.Services.GetRequiredService<ReportService>();

        var fifth = await reports.ConsultationTypesAsync(Days(5, 5), ReportAudience.Agents([a1]));
        Assert.Equal((2L, 2L, 3L), (fifth.Used, fifth.Added, fifth.Summarized));
        Assert.Equal([("物流", 1L), ("售后", 0L), ("退货", 2L), ("价格", 0L)], fifth.Types.Select(t => (t.Name, t.Consultations)));

        var three = await reports.ConsultationTypesAsync(Days(4, 6), ReportAudience.Agents([a1]));
        Assert.Equal((2L, 4L, 3L), (three.Used, three.Added, three.Summarized));
    }
}
