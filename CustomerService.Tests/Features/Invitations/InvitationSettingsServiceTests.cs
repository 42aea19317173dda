using CustomerService.Tests.Builders;
using CustomerService.Web.Features.Invitations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Invitations;

/// <summary>邀请设置 are read by every presence poll: cached, and a save shows at once.</summary>
public sealed class InvitationSettingsServiceTests
{
    [Fact]
    public async Task Settings_are_read_once_per_lifetime_and_a_save_shows_at_once()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var service = scenario.Database.Services.GetRequiredService<InvitationSettingsService>();
        Assert.Equal(60, (await service.GetAsync()).LifetimeSeconds);

        // Changed behind the service's back (another node): this node keeps its copy for the lifetime.
        await using (var db = scenario.NewContext())
        {
            var row = await db.InvitationSettings.SingleAsync();
            row.Update(row.DefaultText, 90, row.AutoInviteEnabled, row.AutoInvitePageContains, row.AutoInviteAfterSeconds);
            await db.SaveChangesAsync();
        }

        Assert.Equal(60, (await service.GetAsync()).LifetimeSeconds);
        scenario.Clock.Advance(InvitationSettingsService.Lifetime);
        Assert.Equal(90, (await service.GetAsync()).LifetimeSeconds);

        var model = InvitationSettingsModel.From(await service.GetAsync());
        model.LifetimeSeconds = 120;
        Assert.True((await service.SaveAsync(model)).Succeeded);
        Assert.Equal(120, (await service.GetAsync()).LifetimeSeconds);
    }
}
