using CustomerService.Domain.Conversations;
using CustomerService.Domain.Organisation;
using CustomerService.Tests.Builders;
using CustomerService.Web.Features.Settings.AutoReplies;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Features.Settings.AutoReplies;

/// <summary>
/// 自动应答 (SPEC D8): enterprise texts with delays and the force switch, personal texts per agent; bad input changes
/// nothing, and what is saved is what the engine sends next.
/// </summary>
public sealed class AutoReplyServiceTests : IAsyncLifetime
{
    private static readonly EnterpriseAutoReplies Saved =
        new(new AutoReplyTexts("欢迎光临本店", "亲，还在吗？", "正在为您查询，请稍候"), 120, 45, false, 20);

    private EngineScenario _scenario = null!;

    private AutoReplyService Service => _scenario.Database.GetRequiredService<AutoReplyService>();

    public async Task InitializeAsync() => _scenario = await EngineScenario.StartAsync();

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task The_enterprise_texts_are_saved_and_read_back_trimmed()
    {
        var outcome = await Service.SaveEnterpriseAsync(Saved with { Texts = Saved.Texts with { Welcome = "  欢迎光临本店 " } });

        Assert.True(outcome.Succeeded);
        Assert.Equal(Saved, await Service.GetEnterpriseAsync());
    }

    [Fact]
    public async Task An_enterprise_text_over_five_hundred_characters_is_refused_and_nothing_changes()
    {
        await Service.SaveEnterpriseAsync(Saved);

        var outcome = await Service.SaveEnterpriseAsync(Saved with
        {
            Texts = Saved.Texts with { VisitorNoReply = new string('在', 501) },
            IdleCloseMinutes = 30,
        });

        Assert.Equal("TooLong", outcome.Violation?.Code);
        Assert.Equal("AutoReply.Text", outcome.Violation?.Arguments[0]);
        Assert.Equal(Saved, await Service.GetEnterpriseAsync());
    }

    [Theory]
    [InlineData(9, 45, 20)]
    [InlineData(120, 3601, 20)]
    [InlineData(120, 45, 1441)]
    [InlineData(120, 45, -1)]
    public async Task Delays_out_of_range_are_refused_and_nothing_changes(int visitorNoReplySeconds, int agentWaitSeconds, int idleCloseMinutes)
    {
        await Service.SaveEnterpriseAsync(Saved);

        var outcome = await Service.SaveEnterpriseAsync(new EnterpriseAutoReplies(
            new AutoReplyTexts("另一段欢迎语", null, null), visitorNoReplySeconds, agentWaitSeconds, true, idleCloseMinutes));

        Assert.Equal("Range", outcome.Violation?.Code);
        Assert.Equal(Saved, await Service.GetEnterpriseAsync());
    }

    [Fact]
    public async Task A_saved_enterprise_welcome_is_what_the_engine_sends_next()
    {
        await Service.SaveEnterpriseAsync(Saved);

        await StartConversationAsync("a");

        Assert.Equal(["欢迎光临本店"], await SystemTextsAsync());
    }

    [Fact]
    public async Task Personal_texts_are_saved_per_agent_and_empty_ones_fall_back_to_the_enterprise()
    {
        var agent = await _scenario.AddAgentAsync("a");
        await Service.SaveEnterpriseAsync(Saved);

        var outcome = await Service.SavePersonalAsync(agent, new AutoReplyTexts(" 我是小美，请问有什么可以帮您？ ", "", null));

        Assert.True(outcome.Succeeded);
        var personal = await Service.GetPersonalAsync(agent);
        Assert.Equal(new AutoReplyTexts("我是小美，请问有什么可以帮您？", null, null), personal.Own);
        Assert.Equal(Saved.Texts, personal.Enterprise);
        Assert.False(personal.EnterpriseForced);
    }

    [Fact]
    public async Task The_agents_own_welcome_reaches_his_visitors_until_the_enterprise_forces_its_texts()
    {
        await Service.SaveEnterpriseAsync(Saved);
        var (agent, entry) = await StartConversationAsync("a");
        await Service.SavePersonalAsync(agent, new AutoReplyTexts("我是小美", null, null));

        await _scenario.StartActiveAsync(entry);
        await Service.SaveEnterpriseAsync(Saved with { ForceEnterpriseTexts = true });
        await _scenario.StartActiveAsync(entry);

        Assert.Equal(["欢迎光临本店", "我是小美", "欢迎光临本店"], await SystemTextsAsync());
    }

    [Fact]
    public async Task Personal_texts_cannot_be_changed_while_the_enterprise_forces_its_own()
    {
        var agent = await _scenario.AddAgentAsync("a");
        await Service.SavePersonalAsync(agent, new AutoReplyTexts("我是小美", null, null));
        await Service.SaveEnterpriseAsync(Saved with { ForceEnterpriseTexts = true });

        var outcome = await Service.SavePersonalAsync(agent, new AutoReplyTexts("改过的欢迎语", null, null));

        Assert.Equal("AutoRepliesForcedByEnterprise", outcome.Violation?.Code);
        var personal = await Service.GetPersonalAsync(agent);
        Assert.True(personal.EnterpriseForced);
        Assert.Equal("我是小美", personal.Own.Welcome);
    }

    [Fact]
    public async Task A_personal_text_over_five_hundred_characters_is_refused_and_nothing_is_stored()
    {
        var agent = await _scenario.AddAgentAsync("a");

        var outcome = await Service.SavePersonalAsync(agent, new AutoReplyTexts(new string('欢', 501), null, null));

        Assert.Equal("TooLong", outcome.Violation?.Code);
        await using var db = _scenario.NewContext();
        Assert.False(await db.AgentAutoReplies.AnyAsync());
    }

    private async Task<(int Agent, string Entry)> StartConversationAsync(string login)
    {
        var agent = await _scenario.AddAgentAsync(login, role: AccountRole.Sales);
        var entry = await _scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(agent, 0));
        await _scenario.OnlineAsync(agent);
        await _scenario.StartActiveAsync(entry);
        return (agent, entry);
    }

    private async Task<List<string>> SystemTextsAsync()
    {
        await using var db = _scenario.NewContext();
        return await db.Messages.Where(m => m.Sender == MessageSender.System && m.Kind == MessageKind.Text)
            .OrderBy(m => m.ConversationId).ThenBy(m => m.Seq).Select(m => m.Text).ToListAsync();
    }
}
