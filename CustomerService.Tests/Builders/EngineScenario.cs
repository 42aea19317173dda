using System.Security.Cryptography;
using CustomerService.Data;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Organisation;
using CustomerService.Domain.Visitors;
using CustomerService.Tests.Fakes;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Features.Organisation;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Builders;

/// <summary>
/// A started <see cref="ConversationEngine"/> on a fresh <see cref="TestDatabase"/> with an enterprise, plus quick ways
/// to add agents, reception groups, entries and visitors:
/// <code>
/// await using var scenario = await EngineScenario.StartAsync();
/// var a = await scenario.AddAgentAsync("a", maxLoad: 2);
/// var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(a, 0));
/// var visitor = await scenario.AddVisitorAsync();
/// var result = await scenario.Engine.StartAsync(new StartRequest(visitor, entry));
/// </code>
/// Agents are created Offline; <see cref="OnlineAsync"/> connects them. Time stands still until <see cref="Clock"/> moves.
/// </summary>
public sealed class EngineScenario : IAsyncDisposable
{
    private ServiceProvider? _restarted;
    private int _accountGroupId;

    private EngineScenario(TestDatabase database, ConversationEngine engine)
    {
        Database = database;
        Engine = engine;
    }

    public TestDatabase Database { get; }

    public ConversationEngine Engine { get; private set; }

    public IEngineEventBus Events => (_restarted ?? Database.Services).GetRequiredService<IEngineEventBus>();

    public TestClock Clock => Database.Clock;

    /// <summary>The visitors' signs of life the engine's queue sweep consults (what the visitor API records).</summary>
    public VisitorLiveness Liveness => (_restarted ?? Database.Services).GetRequiredService<VisitorLiveness>();

    /// <param name="settings">Enterprise conversation settings other than the defaults.</param>
    /// <param name="configure">Extra or replacement registrations (fakes such as <c>TestLeaveMessageMailer</c>).</param>
    public static async Task<EngineScenario> StartAsync(
        Action<ConversationSettingsBuilder>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var database = await TestDatabase.CreateAsync(configure);
        await database.AddEnterpriseAsync();
        if (settings is not null)
        {
            var builder = new ConversationSettingsBuilder();
            settings(builder);
            await using var db = database.NewContext();
            var stored = await db.ConversationSettings.FindAsync(ConversationSettings.SingletonId);
            builder.ApplyTo(stored!);
            await db.SaveChangesAsync();
        }

        var engine = database.Services.GetRequiredService<ConversationEngine>();
        await engine.StartAsync(CancellationToken.None);
        return new EngineScenario(database, engine);
    }

    /// <param name="leaveMessageScope">留言处理范围; by default what a new account of <paramref name="role"/> gets.</param>
    public async Task<int> AddAgentAsync(
        string loginName, int maxLoad = 5, AccountRole role = AccountRole.Sales, LeaveMessageScope? leaveMessageScope = null)
    {
        await using var scope = Database.CreateScope();
        if (_accountGroupId == 0)
        {
            _accountGroupId = (await scope.ServiceProvider.GetRequiredService<OrganisationBootstrap>()
                .EnsureAccountGroupAsync("客服组", CancellationToken.None)).Id;
        }

        var created = await scope.ServiceProvider.GetRequiredService<AccountCreator>().CreateAsync(
            new NewAccount(loginName, "Passw0rd!", new AccountProfile(loginName + "-ext", loginName), role, _accountGroupId, maxLoad,
                leaveMessageScope ?? (role == AccountRole.Admin ? LeaveMessageScope.All : LeaveMessageScope.Own)));
        return created.Succeeded ? created.Value : throw new InvalidOperationException(created.Violation!.ToString());
    }

    /// <summary>A reception group with the members and an entry whose code is returned.</summary>
    public async Task<string> AddGroupWithEntryAsync(string entryCode, params MemberAssignment[] members)
    {
        var group = await Database.AddReceptionGroupAsync("组-" + entryCode, members);
        await Database.AddEntryAsync(entryCode, group.Id);
        return entryCode;
    }

    public async Task<int> GroupIdOfEntryAsync(string entryCode)
    {
        await using var db = Database.NewContext();
        return db.ConsultationEntries.Single(e => e.Code == entryCode).ReceptionGroupId;
    }

    public async Task<long> AddVisitorAsync(bool vip = false) => (await AddVisitorsAsync([vip]))[0];

    /// <summary>A visitor the merchant's site named (a signed widget user).</summary>
    public async Task<long> AddVisitorAsync(string name)
    {
        await using var db = Database.NewContext();
        var visitor = new Visitor(Convert.ToHexString(RandomNumberGenerator.GetBytes(32)), Clock.GetUtcNow().UtcDateTime);
        visitor.Identify("user-" + name, name, isVip: false);
        db.Visitors.Add(visitor);
        await db.SaveChangesAsync();
        return visitor.Id;
    }

    /// <summary>One visitor per flag (VIP or not), stored in one transaction.</summary>
    public async Task<IReadOnlyList<long>> AddVisitorsAsync(IReadOnlyList<bool> vipFlags)
    {
        await using var db = Database.NewContext();
        var visitors = vipFlags.Select(vip =>
        {
            var visitor = new Visitor(Convert.ToHexString(RandomNumberGenerator.GetBytes(32)), Clock.GetUtcNow().UtcDateTime);
            visitor.Identify(null, null, vip);
            return visitor;
        }).ToList();
        db.Visitors.AddRange(visitors);
        await db.SaveChangesAsync();
        return [.. visitors.Select(v => v.Id)];
    }

    public async Task OnlineAsync(params int[] agentIds)
    {
        foreach (var agentId in agentIds)
        {
            await Engine.AgentConnectedAsync(agentId);
            await Engine.SetStatusAsync(agentId, AgentStatus.Online);
        }
    }

    /// <summary>Starts a conversation that must be assigned; returns its id.</summary>
    public async Task<long> StartActiveAsync(string entryCode, long? visitorId = null)
    {
        var result = await Engine.StartAsync(new StartRequest(visitorId ?? await AddVisitorAsync(), entryCode));
        Assert.Equal(StartOutcome.Active, result.Outcome);
        return result.Conversation!.Id;
    }

    public CustomerServiceDbContext NewContext() => Database.NewContext();

    /// <summary>
    /// Simulates a crash and restart: the engine is stopped without any goodbye to agents, and a new engine from fresh
    /// services (a new process, as far as singletons go) recovers from the same database file.
    /// </summary>
    public async Task RestartAsync()
    {
        await Engine.StopAsync(CancellationToken.None);
        if (_restarted is not null)
        {
            await _restarted.DisposeAsync();
        }

        _restarted = Database.CreateIndependentServices();
        Engine = _restarted.GetRequiredService<ConversationEngine>();
        await Engine.StartAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await Engine.StopAsync(CancellationToken.None);
        if (_restarted is not null)
        {
            await _restarted.DisposeAsync();
        }

        await Database.DisposeAsync();
    }
}

/// <summary>Enterprise conversation settings for a scenario; unset values keep the defaults.</summary>
public sealed class ConversationSettingsBuilder
{
    private AutoReplyTexts? _texts;
    private int _visitorNoReplySeconds = 180;
    private int _agentWaitSeconds = 60;
    private int _idleCloseMinutes = 15;
    private EvaluationSettings? _evaluation;

    public ConversationSettingsBuilder AutoReplies(string? welcome, string? visitorNoReply, string? agentWait, int visitorNoReplySeconds = 180, int agentWaitSeconds = 60)
    {
        _texts = new AutoReplyTexts(welcome, visitorNoReply, agentWait);
        _visitorNoReplySeconds = visitorNoReplySeconds;
        _agentWaitSeconds = agentWaitSeconds;
        return this;
    }

    public ConversationSettingsBuilder IdleCloseAfterMinutes(int minutes)
    {
        _idleCloseMinutes = minutes;
        return this;
    }

    public ConversationSettingsBuilder Evaluation(bool visitorMayRate, int minVisitorMessages)
    {
        _evaluation = new EvaluationSettings(visitorMayRate, minVisitorMessages, promptOnVisitorClose: false);
        return this;
    }

    internal void ApplyTo(ConversationSettings settings)
    {
        var texts = _texts ?? new AutoReplyTexts(settings.WelcomeText, settings.VisitorNoReplyText, settings.AgentWaitText);
        settings.ChangeAutoReplies(texts, _visitorNoReplySeconds, _agentWaitSeconds, force: false, _idleCloseMinutes);
        if (_evaluation is not null)
        {
            settings.ChangeEvaluation(_evaluation);
        }
    }
}
