using Bunit;
using CustomerService.Domain.Conversations;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Console;
using CustomerService.Web.Features.Conversations.Engine;
using Microsoft.AspNetCore.Components.Web;
using static CustomerService.Tests.Builders.TransferCandidateBuilder;

namespace CustomerService.Tests.Features.Console;

/// <summary>SPEC D4: a conversation goes to an Online or Busy colleague, or to a reception group; Away ones are not offered.</summary>
public sealed class TransferTargetPickerTests : BunitTestBase
{
    private readonly List<TransferTarget> _picked = [];

    [Fact]
    public void Only_online_and_busy_colleagues_at_a_console_and_not_already_in_the_conversation_are_offered()
    {
        var picker = Render(
            [
                Colleague(1).WithStatus(AgentStatus.Online).Build(),
                Colleague(2).WithStatus(AgentStatus.Away).Build(),
                Colleague(3).WithStatus(AgentStatus.Busy).Build(),
                Colleague(4).WithStatus(AgentStatus.Offline).Build(),
                Colleague(5).AlreadyInTheConversation().Build(),
                Colleague(6).WithStatus(AgentStatus.Online).WithConsoleClosed().Build(),
                Colleague(7).WithStatus(AgentStatus.Busy).WithConsoleClosed().Build(),
            ],
            []);

        var offered = picker.FindAll("[data-testid=transfer-target][data-agent-id]").Select(e => e.GetAttribute("data-agent-id"));

        Assert.Equal(["1", "3"], offered);
    }

    [Fact]
    public void When_every_colleague_is_away_the_dialog_says_so_and_still_offers_the_groups()
    {
        var picker = Render([Colleague(2).WithStatus(AgentStatus.Away).Build()], [new GroupRef(7, "售后")]);

        Assert.Contains(UiTexts.Chinese("Console.NoColleagueAvailable"), picker.Find("[data-testid=transfer-no-colleague]").TextContent);
        Assert.Equal("7", picker.Find("[data-testid=transfer-target][data-group-id]").GetAttribute("data-group-id"));
    }

    [Fact]
    public async Task Picking_a_colleague_or_a_group_reports_the_target()
    {
        var picker = Render([Colleague(1).WithLoad(5).Build()], [new GroupRef(7, "售后")]);

        Assert.Contains(UiTexts.Chinese("Console.AtMaxLoad"), picker.Find("[data-agent-id='1']").TextContent);
        await picker.Find("[data-agent-id='1']").ClickAsync(new MouseEventArgs());
        await picker.Find("[data-group-id='7']").ClickAsync(new MouseEventArgs());

        Assert.Equal([TransferTarget.ToAgent(1), TransferTarget.ToGroup(7)], _picked);
    }

    private IRenderedComponent<TransferTargetPicker> Render(IReadOnlyList<TransferCandidate> candidates, IReadOnlyList<GroupRef> groups) =>
        Render<TransferTargetPicker>(p => p
            .Add(c => c.Candidates, candidates)
            .Add(c => c.Groups, groups)
            .Add(c => c.OnSelect, target => _picked.Add(target)));
}
