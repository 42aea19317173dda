using System.Net;

namespace CustomerService.Tests.Infrastructure;

/// <summary>The browser tests' host: a real socket, its own database, the demo data.</summary>
public sealed class KestrelAppFactoryTests(KestrelAppFactory app) : IClassFixture<KestrelAppFactory>
{
    [Fact]
    public async Task Serves_on_a_loopback_port_with_its_own_seeded_database()
    {
        using var admin = await app.SignInAsync("admin");

        using var response = await admin.GetAsync("/settings/accounts");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(IPAddress.IsLoopback(IPAddress.Parse(app.BaseAddress.Host)), app.BaseAddress.ToString());
        Assert.NotEqual(0, app.BaseAddress.Port);
        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "customerservice.db")));
    }
}
