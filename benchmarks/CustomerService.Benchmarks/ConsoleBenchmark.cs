using System.Diagnostics;
using System.Net.Http.Json;
using System.Runtime;
using System.Text.Json;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Features.Visitors.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CustomerService.Benchmarks;

/// <summary>
/// Server memory per open agent console (SPEC F): N headless Chromium pages, each signed in as its own agent, open
/// <c>/console</c> (real Blazor Server circuits). The figure is the server's managed heap after a forced, compacting GC,
/// as a delta per console: idle, then with <c>conversationsEach</c> conversations (a few messages each) on every console.
/// The agents are also connected straight through the engine, so closing the pages changes nothing but the circuits: the
/// per-console cost with conversations is measured as the drop when the consoles close, which leaves the engine's own
/// memory for those conversations out. Playwright's .NET client lives in this process too; its share is in the baseline
/// (pages already open on about:blank), so only its per-navigation bookkeeping remains in the deltas. Every console is
/// opened and closed once before the baseline, so the app's one-time caches are not counted per console.
/// </summary>
internal static class ConsoleBenchmark
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public static async Task RunAsync(int consoles, int conversationsEach)
    {
        await using var app = new BenchmarkApp();
        var baseAddress = app.BaseAddress;
        var engine = app.Services.GetRequiredService<ConversationEngine>();
        var agents = await VisitorStreamsBenchmark.AddAgentsAsync(app.Services, consoles, maxLoad: conversationsEach);
        foreach (var agent in agents)
        {
            // Present without a console, so opening and closing the pages never moves a conversation.
            await engine.AgentConnectedAsync(agent);
            await engine.SetStatusAsync(agent, Domain.Conversations.AgentStatus.Online);
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        });
        Console.WriteLine($"consoles: {consoles}, conversations each: {conversationsEach}; signing in…");
        var pages = new List<IPage>();
        for (var i = 0; i < consoles; i++)
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), Locale = "zh-CN" });
            context.SetDefaultTimeout((float)Timeout.TotalMilliseconds);
            var page = await context.NewPageAsync();
            await SignInAsync(page, $"bench{i}");
            await page.GotoAsync("about:blank");
            pages.Add(page);
        }

        await app.Circuits.WaitForAsync(0, Timeout);

        // Warm-up: the first consoles fill the app's one-time caches (component metadata, compiled queries, localized
        // texts); open and close them all once so the deltas below count only what each console holds.
        await Task.WhenAll(pages.Select(OpenConsoleAsync));
        await app.Circuits.WaitForAsync(consoles, Timeout);
        await Task.WhenAll(pages.Select(p => p.GotoAsync("about:blank")));
        await app.Circuits.WaitForAsync(0, Timeout);
        var baseline = ManagedHeap();
        await HoldAsync("baseline");

        await Task.WhenAll(pages.Select(OpenConsoleAsync));
        await app.Circuits.WaitForAsync(consoles, Timeout);
        var idle = ManagedHeap();
        Report("idle", idle - baseline, consoles);

        using var http = new HttpClient { BaseAddress = baseAddress };
        for (var i = 0; i < consoles * conversationsEach; i++)
        {
            await StartVisitorAsync(http, i);
        }

        await Task.WhenAll(pages.Select(p => WaitForTilesAsync(p, conversationsEach)));
        var busy = ManagedHeap();
        await HoldAsync("busy");

        await Task.WhenAll(pages.Select(p => p.GotoAsync("about:blank")));
        await app.Circuits.WaitForAsync(0, Timeout);
        var closed = ManagedHeap();
        Report($"with {conversationsEach} conversations", busy - closed, consoles);
        Console.WriteLine($"(managed heap: baseline {Mb(baseline):F1} MB, idle consoles {Mb(idle):F1} MB, busy {Mb(busy):F1} MB, closed again {Mb(closed):F1} MB)");
    }

    /// <summary>
    /// With <c>CONSOLE_BENCH_HOLD=dir</c>, waits at each measuring point until <c>dir/name</c> exists, so a heap dump
    /// (<c>dotnet-gcdump collect -p PID</c>) can be taken of exactly that state to see which types the consoles hold.
    /// </summary>
    private static async Task HoldAsync(string name)
    {
        if (Environment.GetEnvironmentVariable("CONSOLE_BENCH_HOLD") is not { Length: > 0 } directory)
        {
            return;
        }

        Console.WriteLine($"holding at '{name}' (pid {Environment.ProcessId}) until {Path.Combine(directory, name)} exists");
        while (!File.Exists(Path.Combine(directory, name)))
        {
            await Task.Delay(500);
        }
    }

    private static async Task SignInAsync(IPage page, string loginName)
    {
        await page.GotoAsync("/login");
        await page.GetByTestId("login-username").FillAsync(loginName);
        await page.GetByTestId("login-password").FillAsync("Passw0rd!");
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/login", StringComparison.Ordinal));
    }

    private static async Task OpenConsoleAsync(IPage page)
    {
        await page.GotoAsync("/console");
        await page.GetByTestId("console").WaitForAsync();
    }

    /// <summary>Every tile is listed and the open conversation's messages are shown.</summary>
    private static async Task WaitForTilesAsync(IPage page, int count)
    {
        var deadline = Stopwatch.StartNew();
        while (await page.GetByTestId("conversation-item").CountAsync() < count)
        {
            if (deadline.Elapsed > Timeout)
            {
                throw new TimeoutException($"A console still lists {await page.GetByTestId("conversation-item").CountAsync()} of {count} conversations.");
            }

            await Task.Delay(200);
        }

        await page.Locator("[data-testid=message][data-sender=visitor]").First.WaitForAsync();
    }

    private static async Task StartVisitorAsync(HttpClient http, int index)
    {
        using var response = await http.PostAsJsonAsync("/api/visitor/sessions",
            new StartSessionRequest("presale", new PageInfo("https://shop.example.com/p/" + index, "商品 " + index, null), null, null), Json);
        response.EnsureSuccessStatusCode();
        var session = (await response.Content.ReadFromJsonAsync<SessionResponse>(Json))!;
        var conversationId = session.ConversationId ?? throw new InvalidOperationException(session.State);
        for (var n = 0; n < 3; n++)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/visitor/conversations/{conversationId}/messages")
            {
                Content = JsonContent.Create(new PostMessageRequest($"b{index}m{n}", $"你好，请问第 {n + 1} 个问题：这件商品什么时候发货？"), options: Json),
            };
            request.Headers.Add(VisitorToken.Header, session.VisitorToken);
            using var sent = await http.SendAsync(request);
            sent.EnsureSuccessStatusCode();
        }
    }

    /// <summary>The live managed heap after a full, compacting collection (with finalizers run, twice).</summary>
    private static long ManagedHeap()
    {
        Thread.Sleep(1000);
        for (var i = 0; i < 2; i++)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static void Report(string what, long delta, int consoles) =>
        Console.WriteLine($"per console, {what}: {delta / (double)consoles / 1024:F0} KB ({Mb(delta):F1} MB for {consoles})");

    private static double Mb(long bytes) => bytes / 1048576.0;
}
