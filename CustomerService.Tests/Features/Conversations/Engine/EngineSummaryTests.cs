using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Organisation;
using CustomerService.Tests.Builders;
using CustomerService.Web.Features.Conversations.Summaries;
using CustomerService.Web.Features.Settings.ConsultationTypes;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Features.Conversations.Engine;

/// <summary>SPEC D10: consultation summaries, the forced prompt on close, and the reminders.</summary>
public sealed class EngineSummaryTests
{
    [Fact]
    public async Task With_the_summary_required_closing_without_a_type_is_refused_and_the_conversation_stays_open()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var (agent, conversationId) = await ValidConversationAsync(scenario);
        await Types(scenario).RequireSummaryOnCloseAsync(true);

        var withoutSummary = await Assert.ThrowsAsync<RuleViolationException>(() => scenario.Engine.EndByAgentAsync(agent, conversationId));
        var noteOnly = await Assert.ThrowsAsync<RuleViolationException>(
            () => scenario.Engine.EndByAgentAsync(agent, conversationId, new ConsultationSummary(null, "问了价格")));

        Assert.Equal("SummaryTypeRequired", withoutSummary.Violation.Code);
        Assert.Equal("SummaryTypeRequired", noteOnly.Violation.Code);
        Assert.NotNull(await scenario.Engine.GetConversationAsync(conversationId));
    }

    [Fact]
    public async Task Closing_with_a_summary_files_it_with_the_end()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var (agent, conversationId) = await ValidConversationAsync(scenario);
        await Types(scenario).RequireSummaryOnCloseAsync(true);
        var price = (await Types(scenario).AddAsync(null, "价格咨询")).Value;

        await scenario.Engine.EndByAgentAsync(agent, conversationId, new ConsultationSummary(price, "  问了价格  "));

        await using var db = scenario.NewContext();
        var stored = await db.Conversations.SingleAsync(c => c.Id == conversationId);
        Assert.Equal((ConversationState.Ended, price, "问了价格", agent), (stored.State, stored.SummaryTypeId, stored.SummaryNote, stored.SummarizedByAccountId));
    }

    [Fact]
    public async Task An_unknown_type_is_refused_and_nothing_is_filed()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var (agent, conversationId) = await ValidConversationAsync(scenario);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(
            () => scenario.Engine.SummarizeAsync(agent, conversationId, new ConsultationSummary(999, null)));

        Assert.Equal("SummaryTypeUnknown", refused.Violation.Code);
        await using var db = scenario.NewContext();
        Assert.Null((await db.Conversations.SingleAsync()).SummarizedAt);
    }

    [Fact]
    public async Task Ended_valid_conversations_without_a_summary_are_reminded_until_summarised()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var (agent, conversationId) = await ValidConversationAsync(scenario);
        await scenario.Engine.EndByAgentAsync(agent, conversationId);
        var reminders = scenario.Database.GetRequiredService<PendingSummaries>();

        Assert.Equal([conversationId], (await reminders.ForAgentAsync(agent)).Select(p => p.ConversationId));

        await scenario.Engine.SummarizeAsync(agent, conversationId, new ConsultationSummary(null, "已处理"));

        Assert.Empty(await reminders.ForAgentAsync(agent));
    }

    [Fact]
    public async Task A_type_used_by_a_summary_cannot_be_deleted()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var (agent, conversationId) = await ValidConversationAsync(scenario);
        var type = (await Types(scenario).AddAsync(null, "售后")).Value;
        await scenario.Engine.SummarizeAsync(agent, conversationId, new ConsultationSummary(type, null));

        var outcome = await Types(scenario).DeleteAsync(type);

        Assert.Equal("ConsultationTypeInUse", outcome.Violation?.Code);
        Assert.Single(await Types(scenario).ListAsync());
    }

    private static ConsultationTypeService Types(EngineScenario scenario) => scenario.Database.GetRequiredService<ConsultationTypeService>();

    private static async Task<(int Agent, long ConversationId)> ValidConversationAsync(EngineScenario scenario)
    {
        var agent = await scenario.AddAgentAsync("a");
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(agent, 0));
        await scenario.OnlineAsync(agent);
        var visitor = await scenario.AddVisitorAsync();
        var conversationId = await scenario.StartActiveAsync(entry, visitor);
        await scenario.Engine.AppendVisitorMessageAsync(visitor, conversationId, "v", "多少钱");
        await scenario.Engine.AppendAgentMessageAsync(agent, conversationId, "a", "99 元");
        return (agent, conversationId);
    }
}
