using System.Globalization;

namespace CustomerService.Benchmarks;

/// <summary>
/// Usage:
/// <code>
/// dotnet run -c Release --project benchmarks/CustomerService.Benchmarks -- engine [seconds]
/// dotnet run -c Release --project benchmarks/CustomerService.Benchmarks -- visitors [visitors] [seconds]
/// dotnet run -c Release --project benchmarks/CustomerService.Benchmarks -- geo [lookups]
/// dotnet run -c Release --project benchmarks/CustomerService.Benchmarks -- console [consoles] [conversations each]
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
            default:
                Console.Error.WriteLine($"Unknown benchmark '{args[0]}'. Known: engine, visitors, geo, console");
                return 1;
        }
    }
}
