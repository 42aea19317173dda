using System.Globalization;
using CustomerService.Benchmarks;

// Usage: dotnet run -c Release --project benchmarks/CustomerService.Benchmarks -- engine [seconds]
var benchmark = args.FirstOrDefault() ?? "engine";
var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30;
switch (benchmark)
{
    case "engine":
        await EngineBenchmark.RunAsync(TimeSpan.FromSeconds(seconds));
        break;
    default:
        Console.Error.WriteLine($"Unknown benchmark '{benchmark}'. Known: engine");
        return 1;
}

return 0;
