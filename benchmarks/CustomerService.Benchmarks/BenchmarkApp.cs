using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Benchmarks;

/// <summary>The real app on a loopback Kestrel port in this process, on a fresh SQLite directory with the demo data.</summary>
internal sealed class BenchmarkApp : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cs-bench-" + Guid.NewGuid().ToString("N"));

    public BenchmarkApp() => UseKestrel(0);

    /// <summary>Blazor circuits open right now: lets a benchmark wait until the browsers' circuits are up or gone.</summary>
    public OpenCircuits Circuits { get; } = new();

    public Uri BaseAddress
    {
        get
        {
            StartServer();
            return new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_directory);
        builder.UseSolutionRelativeContentRoot("CustomerService.Web");
        builder.UseEnvironment("Staging");
        // blazor.web.js, MudBlazor's files and the scoped CSS, for the browsers of the console benchmark.
        builder.UseStaticWebAssets();
        builder.UseSetting("Database:DataDirectory", _directory);
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("VisitorApi:RequestsPerIpPerWindow", "1000000");
        // All simulated visitors start from this one machine; the per-IP session limit has no loopback exemption.
        builder.UseSetting("VisitorApi:SessionStartsPerIpPerWindow", "1000000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(Circuits);
            services.AddScoped<CircuitHandler, CircuitCounter>();
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

internal sealed class OpenCircuits
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Opened() => Interlocked.Increment(ref _count);

    public void Closed() => Interlocked.Decrement(ref _count);

    public async Task WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Count != count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Expected {count} open circuits, still {Count} after {timeout.TotalSeconds:F0} s.");
            }

            await Task.Delay(100);
        }
    }
}

internal sealed class CircuitCounter(OpenCircuits circuits) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        circuits.Opened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        circuits.Closed();
        return Task.CompletedTask;
    }
}
