using System.Diagnostics;
using CustomerService.Data;
using CustomerService.Data.Identity;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Organisation;
using CustomerService.Domain.Visitors;
using CustomerService.Web.Features.Conversations.Engine;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerService.Benchmarks;

/// <summary>
/// Issue 3 figures on a real SQLite file: messages persisted and published per second (200 conversations, sustained),
/// append latency p50/p99, and routing decisions per second.
/// </summary>
internal static class EngineBenchmark
{
    private const int Conversations = 200;
    private const int Agents = 40;

    public static async Task RunAsync(TimeSpan duration)
    {
        var directory = Path.Combine(Path.GetTempPath(), "cs-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "bench.db");
        try
        {
            await using var services = BuildServices(file);
            await DatabaseMigrator.MigrateAsync(services);
            var (entry, visitors) = await SeedAsync(services, visitorCount: Conversations + 2_000);
            var engine = services.GetRequiredService<ConversationEngine>();
            await engine.StartAsync(CancellationToken.None);
            for (var agentId = 1; agentId <= Agents; agentId++)
            {
                await engine.AgentConnectedAsync(agentId);
            }

            await MeasureRoutingAsync(engine, entry, visitors.Skip(Conversations).ToList());
            var conversations = await OpenConversationsAsync(engine, entry, visitors.Take(Conversations).ToList());
            // Saturation: every conversation sends its next message as soon as the last one is acknowledged.
            await MeasureMessagesAsync(services, engine, conversations, duration, interval: null);
            // The issue's target load: 1,000 messages/s in all (each of 200 conversations every 200 ms).
            await MeasureMessagesAsync(services, engine, conversations, duration, interval: TimeSpan.FromMilliseconds(200));
            await engine.StopAsync(CancellationToken.None);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task MeasureRoutingAsync(ConversationEngine engine, string entry, List<long> visitors)
    {
        var stopwatch = Stopwatch.StartNew();
        var results = await Task.WhenAll(visitors.Select(v => engine.StartAsync(new StartRequest(v, entry))));
        stopwatch.Stop();
        Console.WriteLine($"routing: {visitors.Count} parallel starts ({results.Count(r => r.Outcome == StartOutcome.Active)} assigned, "
            + $"{results.Count(r => r.Outcome == StartOutcome.Queued)} queued) in {stopwatch.Elapsed.TotalSeconds:F2} s "
            + $"= {visitors.Count / stopwatch.Elapsed.TotalSeconds:F0} decisions/s");
        foreach (var result in results)
        {
            await engine.CloseByVisitorAsync(result.Conversation!.VisitorId, result.Conversation.Id);
        }
    }

    private static async Task<List<(long Visitor, long Conversation)>> OpenConversationsAsync(ConversationEngine engine, string entry, List<long> visitors)
    {
        var conversations = new List<(long, long)>();
        foreach (var visitor in visitors)
        {
            conversations.Add((visitor, (await engine.StartAsync(new StartRequest(visitor, entry))).Conversation!.Id));
        }

        return conversations;
    }

    private static async Task MeasureMessagesAsync(
        IServiceProvider services, ConversationEngine engine, List<(long Visitor, long Conversation)> conversations, TimeSpan duration, TimeSpan? interval)
    {
        long published = 0;
        var bus = services.GetRequiredService<IEngineEventBus>();
        var subscriptions = conversations.Select(c => bus.Subscribe(EventTopic.Conversation(c.Conversation), e =>
        {
            if (e is MessageAppended)
            {
                Interlocked.Increment(ref published);
            }
        })).ToList();

        var latencies = new List<double>[conversations.Count];
        var stopwatch = Stopwatch.StartNew();
        var deadline = stopwatch.Elapsed + duration;
        var run = Guid.NewGuid().ToString("N")[..8];
        await Task.WhenAll(conversations.Select((c, i) => Task.Run(async () =>
        {
            var own = latencies[i] = new List<double>(4096);
            var n = 0;
            // Spread the senders over the interval so the paced load is even, not 200 messages at once.
            var next = interval is { } spread ? TimeSpan.FromTicks(spread.Ticks * i / conversations.Count) : TimeSpan.Zero;
            while (stopwatch.Elapsed < deadline)
            {
                if (interval is { } every)
                {
                    var wait = next - stopwatch.Elapsed;
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait);
                    }

                    next += every;
                }

                var started = stopwatch.Elapsed;
                await engine.AppendVisitorMessageAsync(c.Visitor, c.Conversation, $"{run}-{i}-{n}", $"消息 {n}");
                own.Add((stopwatch.Elapsed - started).TotalMilliseconds);
                n++;
            }
        })));
        stopwatch.Stop();
        subscriptions.ForEach(s => s.Dispose());

        var all = latencies.SelectMany(l => l).Order().ToArray();
        await using var db = await services.GetRequiredService<IDbContextFactory<CustomerServiceDbContext>>().CreateDbContextAsync();
        var stored = await db.Messages.CountAsync(m => m.Sender == MessageSender.Visitor);
        Console.WriteLine($"messages ({(interval is null ? "saturated" : $"paced, one per {interval.Value.TotalMilliseconds} ms per conversation")}): "
            + $"{all.Length} appended by {conversations.Count} conversations in {stopwatch.Elapsed.TotalSeconds:F1} s "
            + $"= {all.Length / stopwatch.Elapsed.TotalSeconds:F0} msg/s; published {published}; stored visitor messages {stored}");
        Console.WriteLine($"append latency: p50 {Percentile(all, 0.50):F2} ms, p99 {Percentile(all, 0.99):F2} ms, max {all[^1]:F2} ms");
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static ServiceProvider BuildServices(string file)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole());
        services.AddCustomerServiceDatabase(DatabaseProvider.Sqlite, $"Data Source={file};Default Timeout=30");
        services.AddConversationEngine();
        return services.BuildServiceProvider();
    }

    private static async Task<(string Entry, List<long> Visitors)> SeedAsync(IServiceProvider services, int visitorCount)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CustomerServiceDbContext>>().CreateDbContextAsync();
        db.EnterpriseProfiles.Add(new EnterpriseProfile("Bench", "Asia/Shanghai"));
        var accountGroup = new AccountGroup("bench");
        db.AccountGroups.Add(accountGroup);
        await db.SaveChangesAsync();
        for (var id = 1; id <= Agents; id++)
        {
            db.Users.Add(new AppUser { Id = id, UserName = $"agent{id}", NormalizedUserName = $"AGENT{id}", SecurityStamp = Guid.NewGuid().ToString() });
            db.Accounts.Add(new Account(id, $"agent{id}", new AccountProfile($"客服{id}", $"客服{id}"), AccountRole.Sales, accountGroup.Id, maxLoad: 10));
        }

        var group = new ReceptionGroup("bench", ReceptionGroup.DefaultSkinColor);
        group.SetMembers([.. Enumerable.Range(1, Agents).Select(id => new MemberAssignment(id, id % 3))]);
        db.ReceptionGroups.Add(group);
        await db.SaveChangesAsync();
        db.ConsultationEntries.Add(new ConsultationEntry("bench", "bench", group.Id));
        var visitors = Enumerable.Range(0, visitorCount).Select(i => new Visitor($"token-{i}", DateTime.UtcNow)).ToList();
        db.Visitors.AddRange(visitors);
        await db.SaveChangesAsync();
        return ("bench", visitors.Select(v => v.Id).ToList());
    }
}
