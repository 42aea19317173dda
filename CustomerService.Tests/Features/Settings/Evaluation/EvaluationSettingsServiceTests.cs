using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Organisation;
using CustomerService.Tests.Builders;
using CustomerService.Web.Features.Settings.Evaluation;

namespace CustomerService.Tests.Features.Settings.Evaluation;

/// <summary>咨询评价 settings (SPEC D9): saved in the conversation settings row, which the engine follows on the next rating.</summary>
public sealed class EvaluationSettingsServiceTests : IAsyncLifetime
{
    private EngineScenario _scenario = null!;

    private EvaluationSettingsService Service => _scenario.Database.GetRequiredService<EvaluationSettingsService>();

    public async Task InitializeAsync() => _scenario = await EngineScenario.StartAsync();

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Saved_settings_are_read_back()
    {
        Assert.True((await Service.SaveAsync(visitorMayRateUnprompted: false, minVisitorMessages: 3, promptOnVisitorClose: true)).Succeeded);

        Assert.Equal(new EvaluationSettings(false, 3, true), await Service.GetAsync());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public async Task A_message_count_out_of_range_is_refused_and_nothing_changes(int minVisitorMessages)
    {
        await Service.SaveAsync(true, 2, false);

        var outcome = await Service.SaveAsync(false, minVisitorMessages, true);

        Assert.Equal("Range", outcome.Violation?.Code);
        Assert.Equal(new EvaluationSettings(true, 2, false), await Service.GetAsync());
    }

    [Fact]
    public async Task The_engine_refuses_unprompted_ratings_once_they_are_switched_off()
    {
        var agent = await _scenario.AddAgentAsync("a");
        var entry = await _scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(agent, 0));
        await _scenario.OnlineAsync(agent);
        var visitor = await _scenario.AddVisitorAsync();
        var conversation = await _scenario.StartActiveAsync(entry, visitor);
        await _scenario.Engine.AppendVisitorMessageAsync(visitor, conversation, "v1", "你好");

        await Service.SaveAsync(visitorMayRateUnprompted: false, minVisitorMessages: 0, promptOnVisitorClose: false);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(
            () => _scenario.Engine.RateAsync(visitor, conversation, EvaluationLevel.Satisfied));
        Assert.Equal("RatingVisitorRatingDisabled", refused.Violation.Code);
    }
}
