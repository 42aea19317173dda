using System.Globalization;

namespace CustomerService.Benchmarks;

/// <summary>
/// Usage:
/// <code>
/// dotnet run -c Release --project benchmarks/CustomerService.Benchmarks -- engine [seconds]
/// dotnet run -c Release --project benchmarks/CustomerService.Benchmarks -- visitors [visitors] [seconds]
/// dotnet run -c Release --project benchmarks/CustomerService.Benchmarks -- geo [lookups]
/// dotnet run -c Release --project benchmarks/CustomerService.Benchmarks -- console [consoles] [conversations each]
/// dotnet run -c Release --project benchmarks/CustomerService.Benchmarks -- reports [days] [agents] [calls] [calls from raw facts] [folder to keep the database in]
/// dotnet run -c Release --project benchmarks/CustomerService.Benchmarks -- kpi [folder the reports mode kept its database in] [calls]
/// dotnet run -c Release --project benchmarks/CustomerService.Benchmarks -- stats-orders [database file, not migrated] [calls] [calls of the former reads]
/// dotnet run -c Release --project benchmarks/CustomerService.Benchmarks -- records [seed-history database to copy] [calls] [in-place] [year-only]
/// dotnet run -c Release --project benchmarks/CustomerService.Benchmarks -- crm [import rows] [customers] [calls]
/// dotnet run -c Release --project benchmarks/CustomerService.Benchmarks -- exports [row counts, comma-separated]
/// dotnet run -c Release --project benchmarks/CustomerService.Benchmarks -- exports-db [seed-history database to copy] [all|default columns] [in-place]
/// dotnet run -c Release --project benchmarks/CustomerService.Benchmarks -- sql [database] [file of statements]
/// </code>
/// </summary>
internal static class BenchmarkRunner
{
    public static async Task<int> Main(string[] args)
    {
        int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

        switch (args.FirstOrDefault() ?? "engine")
        {
            case "engine":
                await EngineBenchmark.RunAsync(TimeSpan.FromSeconds(Arg(1, 30)));
                return 0;
            case "visitors":
                await VisitorStreamsBenchmark.RunAsync(Arg(1, 1000), TimeSpan.FromSeconds(Arg(2, 30)));
                return 0;
            case "geo":
                await GeoBenchmark.RunAsync(Arg(1, 1_000_000));
                return 0;
            case "console":
                await ConsoleBenchmark.RunAsync(Arg(1, 10), Arg(2, 10));
                return 0;
            case "reports":
                await ReportsBenchmark.RunAsync(Arg(1, 365), Arg(2, 100), Arg(3, 20), Arg(4, 3), args.Length > 5 ? args[5] : null);
                return 0;
            case "kpi":
                await KpiPagesBenchmark.RunAsync(args[1], Arg(2, 20));
                return 0;
            case "stats-orders":
                await StatsOrdersBenchmark.RunAsync(args[1], Arg(2, 20), Arg(3, 0));
                return 0;
            case "records":
                await RecordsBenchmark.RunAsync(args.Length > 1 ? args[1] : "App_Data/customerservice.db", Arg(2, 50), args.Contains("in-place"), args.Contains("year-only"));
                return 0;
            case "crm":
                await CrmBenchmark.RunAsync(Arg(1, 100_000), Arg(2, 1_000_000), Arg(3, 30));
                return 0;
            case "exports":
                await ExportsBenchmark.RunAsync([.. (args.Length > 1 ? args[1] : "100000,1000000").Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture))]);
                return 0;
            case "exports-db":
                await ExportsDatabaseBenchmark.RunAsync(args.Length > 1 ? args[1] : "App_Data/customerservice.db", args.Length <= 2 || args[2] != "default", args.Contains("in-place"));
                return 0;
            case "sql":
                SqlStatementTimer.Run(args[1], args[2]);
                return 0;
            case "exports-one":
                // A child of `exports`: one writer and row count in a process of its own (its own peak memory).
                await ExportsBenchmark.RunOneAsync(args[1], Arg(2, 100_000));
                return 0;
            default:
                Console.Error.WriteLine($"Unknown benchmark '{args[0]}'. Known: engine, visitors, geo, console, reports, kpi, stats-orders, records, crm, exports, exports-db");
                return 1;
        }
    }
}
