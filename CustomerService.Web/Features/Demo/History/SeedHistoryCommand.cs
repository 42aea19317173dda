using System.Globalization;
using CustomerService.Data;
using CustomerService.Web.Hosting;
using Microsoft.Extensions.Options;

namespace CustomerService.Web.Features.Demo.History;

/// <summary>
/// <c>dotnet run --project CustomerService.Web -- seed-history --days 90 --agents 20</c> (SPEC N1b, N6): migrates the
/// database, prepares the organisation, generates and rolls up the history, prints a summary and exits — the web server
/// is never started. Exit codes: 0 done, 2 bad options, 3 refused (SQL Server, or history already present).
/// </summary>
public static class SeedHistoryCommand
{
    public static async Task<int> RunAsync(WebApplication app, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(app);
        var (options, error) = HistoryOptions.Parse(args);
        if (options is null)
        {
            await System.Console.Error.WriteLineAsync(error);
            return 2;
        }

        var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            await System.Console.Error.WriteLineAsync("seed-history writes in bulk with SQLite commands and is refused on SQL Server (ADR 013).");
            return 3;
        }

        await app.PrepareDatabaseAsync();
        System.Console.WriteLine($"seed-history: {options.Days} days, {options.Agents} agents, seed {options.Seed}");
        try
        {
            var summary = await app.Services.GetRequiredService<HistorySeeder>().RunAsync(options, System.Console.Out);
            Print(summary);
            return 0;
        }
        catch (InvalidOperationException refused) when (refused.Message.StartsWith("The database already", StringComparison.Ordinal))
        {
            await System.Console.Error.WriteLineAsync(refused.Message);
            return 3;
        }
    }

    public static void Print(HistorySummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var lines = new List<string> { $"History {summary.From:yyyy-MM-dd} .. {summary.To:yyyy-MM-dd}:" };
        lines.AddRange(summary.Rows.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"  {r.Key,-20} {r.Value.ToString("N0", CultureInfo.InvariantCulture),12}"));
        lines.Add($"  generated in {summary.Generating.TotalSeconds:F1} s, rolled up in {summary.RollingUp.TotalSeconds:F1} s");
        lines.Add($"  database size {summary.DatabaseBytes / 1024d / 1024d:F1} MB");
        System.Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
