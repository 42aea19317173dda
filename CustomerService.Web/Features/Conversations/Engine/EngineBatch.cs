using CustomerService.Data;
using CustomerService.Domain.Conversations;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Conversations.Engine;

/// <summary>
/// One transaction of the engine's loop: the requests drained from the inbox share a context, one clock reading,
/// one roster read and one commit; their events are published only after that commit.
/// </summary>
internal sealed class EngineBatch(CustomerServiceDbContext db, DateTime now, CancellationToken cancellationToken) : IAsyncDisposable
{
    private Roster? _roster;
    private ConversationSettings? _settings;
    private Dictionary<int, AgentAutoReply>? _personalAutoReplies;

    public CustomerServiceDbContext Db { get; } = db;

    public DateTime Now { get; } = now;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public List<EngineEvent> Events { get; } = [];

    /// <summary>A queue changed: positions are recomputed once before the commit.</summary>
    public bool QueuesChanged { get; set; }

    /// <summary>Capacity may have appeared: the queues are drained once before the commit.</summary>
    public bool CapacityChanged { get; set; }

    public async ValueTask<Roster> RosterAsync() => _roster ??= await Roster.LoadAsync(Db, CancellationToken);

    public async ValueTask<ConversationSettings> SettingsAsync() =>
        _settings ??= await Db.ConversationSettingsAsync(CancellationToken);

    public async ValueTask<AutoReplyTexts> AutoRepliesForAsync(int agentId)
    {
        var settings = await SettingsAsync();
        _personalAutoReplies ??= await Db.AgentAutoReplies.AsNoTracking().ToDictionaryAsync(a => a.AccountId, CancellationToken);
        return settings.TextsFor(_personalAutoReplies.GetValueOrDefault(agentId));
    }

    /// <summary>Makes a row held in memory part of this transaction; its later changes are saved with it.</summary>
    public T Track<T>(T entity)
        where T : class
    {
        if (Db.Entry(entity).State == EntityState.Detached)
        {
            Db.Attach(entity);
        }

        return entity;
    }

    /// <summary>
    /// Makes an open conversation's aggregate — with its participants and its pending offer — part of this transaction
    /// before a command changes it: whatever the command changes is saved with the batch.
    /// </summary>
    public Conversation Load(LiveConversation live)
    {
        var conversation = Track(live.Entity);
        if (conversation.PendingTransfer is { } transfer)
        {
            Track(transfer);
        }

        return conversation;
    }

    public void Publish(EngineEvent engineEvent) => Events.Add(engineEvent);

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
