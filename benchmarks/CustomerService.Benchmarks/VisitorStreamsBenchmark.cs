using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerService.Data;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Organisation;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Features.Organisation;
using CustomerService.Web.Features.Visitors.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Benchmarks;

/// <summary>
/// Issue 4 figures: N visitors, each with an open SSE stream, send a message every 5 s; an automatic responder
/// subscribed to the engine answers each one as its agent. Measures send → reply-on-the-stream round trips and the
/// process RSS (server and the N simulated browsers share this process, so the server's own share is lower).
/// </summary>
internal static class VisitorStreamsBenchmark
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task RunAsync(int visitors, TimeSpan duration)
    {
        await using var app = new BenchmarkApp();
        var baseAddress = app.BaseAddress;
        var engine = app.Services.GetRequiredService<ConversationEngine>();
        var agents = await AddAgentsAsync(app.Services, count: Math.Max(10, visitors / 50), maxLoad: 60);
        using var responder = AutoResponder.Start(app.Services.GetRequiredService<IEngineEventBus>(), engine, agents);
        foreach (var agent in agents)
        {
            await engine.AgentConnectedAsync(agent);
            await engine.SetStatusAsync(agent, AgentStatus.Online);
        }

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
        Console.WriteLine($"visitors: {visitors}, agents: {agents.Count}; opening sessions and streams…");
        var clients = new List<SimulatedVisitor>();
        for (var i = 0; i < visitors; i++)
        {
            clients.Add(await SimulatedVisitor.StartAsync(http, i));
        }

        using var stop = new CancellationTokenSource();
        var streams = clients.Select(c => c.ListenAsync(http, stop.Token)).ToList();
        await Task.WhenAll(clients.Select(c => c.Connected));
        Console.WriteLine($"{visitors} streams open; RSS {RssMegabytes():F0} MB, managed heap {GC.GetTotalMemory(false) / 1048576.0:F0} MB");

        var interval = TimeSpan.FromSeconds(5);
        var stopwatch = Stopwatch.StartNew();
        var senders = clients.Select((c, i) => c.SendEveryAsync(http, interval, TimeSpan.FromTicks(interval.Ticks * i / visitors), duration, stopwatch)).ToList();
        var peakRss = 0.0;
        while (stopwatch.Elapsed < duration)
        {
            await Task.Delay(1000);
            peakRss = Math.Max(peakRss, RssMegabytes());
        }

        await Task.WhenAll(senders);
        await Task.Delay(2000);
        stop.Cancel();
        await Task.WhenAll(streams.Select(s => s.ContinueWith(_ => { }, TaskScheduler.Default)));

        var trips = clients.SelectMany(c => c.RoundTrips).Order().ToArray();
        var sent = clients.Sum(c => c.Sent);
        Console.WriteLine($"N={visitors}: {sent} messages sent, {trips.Length} replies seen on the streams in {duration.TotalSeconds:F0} s");
        if (trips.Length > 0)
        {
            Console.WriteLine($"round trip: p50 {Percentile(trips, 0.50):F1} ms, p99 {Percentile(trips, 0.99):F1} ms, max {trips[^1]:F1} ms");
        }

        Console.WriteLine($"peak RSS {peakRss:F0} MB (server + {visitors} simulated visitors in one process)");
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static double RssMegabytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
            }
        }

        return Environment.WorkingSet / 1048576.0;
    }

    internal static async Task<List<int>> AddAgentsAsync(IServiceProvider services, int count, int maxLoad)
    {
        await using var scope = services.CreateAsyncScope();
        var creator = scope.ServiceProvider.GetRequiredService<AccountCreator>();
        var db = scope.ServiceProvider.GetRequiredService<CustomerServiceDbContext>();
        var accountGroup = await db.AccountGroups.FirstAsync();
        var ids = new List<int>();
        for (var i = 0; i < count; i++)
        {
            var created = await creator.CreateAsync(new NewAccount($"bench{i}", "Passw0rd!", new AccountProfile($"压测{i}", $"压测{i}"), AccountRole.Sales, accountGroup.Id, maxLoad));
            ids.Add(created.Value);
        }

        var group = await db.ReceptionGroups.Include(g => g.Members).SingleAsync(g => g.Name == "售前");
        group.SetMembers([.. ids.Select(id => new MemberAssignment(id, 0))]);
        await db.SaveChangesAsync();
        return ids;
    }

    /// <summary>An agent that answers every visitor message at once, from the engine's events.</summary>
    private sealed class AutoResponder(List<IDisposable> subscriptions) : IDisposable
    {
        public static AutoResponder Start(IEngineEventBus bus, ConversationEngine engine, List<int> agents) => new([
            .. agents.Select(agent => bus.Subscribe(EventTopic.Agent(agent), e =>
            {
                if (e is MessageAppended { Message.Sender: MessageSender.Visitor } appended)
                {
                    _ = engine.AppendAgentMessageAsync(agent, appended.Message.ConversationId, "re-" + appended.Message.ClientId, "re:" + appended.Message.ClientId);
                }
            })),
        ]);

        public void Dispose() => subscriptions.ForEach(s => s.Dispose());
    }

    private sealed class SimulatedVisitor(int index, string token, long conversationId)
    {
        private readonly ConcurrentDictionary<string, long> _pending = new();
        private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentBag<double> RoundTrips { get; } = [];

        public int Sent { get; private set; }

        public Task Connected => _connected.Task;

        public static async Task<SimulatedVisitor> StartAsync(HttpClient http, int index)
        {
            using var response = await http.PostAsJsonAsync("/api/visitor/sessions",
                new StartSessionRequest("presale", new PageInfo("https://shop.example.com/p/" + index, "p", null), null, null), Json);
            response.EnsureSuccessStatusCode();
            var session = (await response.Content.ReadFromJsonAsync<SessionResponse>(Json))!;
            return new SimulatedVisitor(index, session.VisitorToken, session.ConversationId ?? throw new InvalidOperationException(session.State));
        }

        public async Task ListenAsync(HttpClient http, CancellationToken cancellationToken)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"/api/visitor/conversations/{conversationId}/events");
            request.Headers.Add(VisitorToken.Header, token);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
            _connected.TrySetResult();
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                const string marker = "\"text\":\"re:";
                var at = line.IndexOf(marker, StringComparison.Ordinal);
                if (at >= 0)
                {
                    var clientId = line[(at + marker.Length)..line.IndexOf('"', at + marker.Length)];
                    if (_pending.TryRemove(clientId, out var sentAt))
                    {
                        RoundTrips.Add(Stopwatch.GetElapsedTime(sentAt).TotalMilliseconds);
                    }
                }
            }
        }

        public async Task SendEveryAsync(HttpClient http, TimeSpan interval, TimeSpan offset, TimeSpan duration, Stopwatch clock)
        {
            var next = offset;
            var n = 0;
            while (next < duration)
            {
                var wait = next - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                var clientId = $"v{index}m{n++}";
                _pending[clientId] = Stopwatch.GetTimestamp();
                var request = new HttpRequestMessage(HttpMethod.Post, $"/api/visitor/conversations/{conversationId}/messages")
                {
                    Content = JsonContent.Create(new PostMessageRequest(clientId, "在吗 " + clientId), options: Json),
                };
                request.Headers.Add(VisitorToken.Header, token);
                using var response = await http.SendAsync(request);
                Sent++;
                next += interval;
            }
        }
    }
}
