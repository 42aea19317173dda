using CustomerService.Data;
using CustomerService.Web.Features.Demo;
using CustomerService.Web.Features.Demo.History;
using CustomerService.Web.Features.Organisation;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using CustomerService.Web.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CustomerService.Web.Hosting;

public static class StartupTasks
{
    /// <summary>Migrates, makes sure the enterprise and an admin exist, and seeds the demo organisation when asked.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await DatabaseMigrator.MigrateAsync(app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        var demo = scope.ServiceProvider.GetRequiredService<IOptions<DemoOptions>>().Value;
        if (demo.Seed && app.Environment.IsProduction())
        {
            app.Logger.LogWarning("Demo:Seed is ignored in Production.");
        }
        else if (demo.Seed)
        {
            var fresh = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
            await scope.ServiceProvider.GetRequiredService<OrganisationBootstrap>().EnsureAsync();
            if (fresh && demo.HistoryDays > 0)
            {
                // Before the engine starts (it reads its id sequences at start), so its ids continue above the history's.
                var summary = await scope.ServiceProvider.GetRequiredService<HistorySeeder>()
                    .RunAsync(new HistoryOptions(demo.HistoryDays, demo.HistoryAgents));
                SeedHistoryCommand.Print(summary);
            }
        }

        await scope.ServiceProvider.GetRequiredService<OrganisationBootstrap>().EnsureAsync();
        app.PrintBannerOnStart(demo.Seed && !app.Environment.IsProduction());
    }

    private static void PrintBannerOnStart(this WebApplication app, bool demo)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var lines = new List<string> { string.Empty, "客服系统 CustomerService is running:" };
            lines.AddRange(addresses.Select(a => "  " + a));
            if (demo)
            {
                lines.Add($"Demo accounts (password {DemoSeeder.Password}):");
                // Role names as the app shows them (the default culture), not the enum's code names.
                var text = app.Services.GetRequiredService<IStringLocalizerFactory>().Create(typeof(UiText));
                lines.AddRange(DemoSeeder.Accounts.Select(a => $"  {a.Login,-8} {text[$"Role.{a.Role}"].Value,-6} {a.ExternalName}"));
                lines.Add($"Integration API key (header X-Api-Key): {DemoSeeder.ApiKey}   reference: /api-reference");
                lines.Add($"Agent console (sign in as {string.Join(", ", DemoSeeder.Accounts.Where(a => a.Role == Domain.Organisation.AccountRole.Sales).Select(a => a.Login))}): /console");
                lines.Add("Demo shop for playing the visitor: /demo/shop");
            }

            // Written to the console, not only the log, so it is the first thing a new user sees.
            Console.WriteLine(string.Join(Environment.NewLine, lines) + Environment.NewLine);
        });
    }
}
