using CustomerService.Domain.Conversations;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Console;
using CustomerService.Web.Features.Settings.AutoReplies;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Settings;

/// <summary>Issue 15: the wait-timer thresholds are conversation settings the console reads.</summary>
public sealed class WaitThresholdServiceTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Saved_thresholds_reach_the_console_and_red_before_amber_is_refused_without_change()
    {
        await using var scope = app.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<WaitThresholdService>();
        var console = scope.ServiceProvider.GetRequiredService<ConsoleQueries>();
        Assert.Equal(new WaitThresholds(30, 60), await console.WaitThresholdsAsync());

        Assert.True((await service.SaveAsync(new WaitThresholds(20, 40))).Succeeded);
        var refused = await service.SaveAsync(new WaitThresholds(50, 45));

        Assert.Equal("Range", refused.Violation!.Code);
        Assert.Equal(new WaitThresholds(20, 40), await console.WaitThresholdsAsync());
    }
}
