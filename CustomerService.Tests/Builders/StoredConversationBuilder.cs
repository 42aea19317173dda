using System.Security.Cryptography;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Customers;
using CustomerService.Domain.Visitors;
using CustomerService.Tests.Infrastructure;

namespace CustomerService.Tests.Builders;

/// <summary>
/// A past conversation written straight to a <see cref="TestDatabase"/> (no engine), with the agents who took part as
/// the engine records them (a participant row each): for tests of queries over history such as the data scope.
/// <code>
/// var stored = await new StoredConversationBuilder().ServedBy(sales3).TransferredTo(sales1).WithFile().SaveAsync(db);
/// </code>
/// Each conversation gets a new visitor unless <see cref="ForVisitor"/> names one.
/// </summary>
public sealed class StoredConversationBuilder
{
    private static long _sequence = 1_000;

    private readonly List<(int AgentId, ParticipantRole Role, bool Left)> _participants = [];
    private long? _visitorId;
    private bool _withFile;
    private string? _customerName;

    /// <summary>Assigned to the agent (the first owner).</summary>
    public StoredConversationBuilder ServedBy(int agentId)
    {
        _participants.Add((agentId, ParticipantRole.Owner, false));
        return this;
    }

    /// <summary>The current owner handed it over and the agent accepted: the previous owner left, the agent owns it.</summary>
    public StoredConversationBuilder TransferredTo(int agentId)
    {
        var owner = _participants.FindLastIndex(p => p.Role == ParticipantRole.Owner && !p.Left);
        if (owner >= 0)
        {
            _participants[owner] = _participants[owner] with { Left = true };
        }

        _participants.Add((agentId, ParticipantRole.Owner, false));
        return this;
    }

    /// <summary>会话邀请: the agent joined as an invited colleague.</summary>
    public StoredConversationBuilder Inviting(int agentId)
    {
        _participants.Add((agentId, ParticipantRole.Invited, false));
        return this;
    }

    public StoredConversationBuilder ForVisitor(long visitorId)
    {
        _visitorId = visitorId;
        return this;
    }

    /// <summary>The visitor uploaded a file in it (a message with stored bytes; the bytes themselves are not written).</summary>
    public StoredConversationBuilder WithFile()
    {
        _withFile = true;
        return this;
    }

    /// <summary>The first agent filed the visitor as a CRM customer from the console (SPEC F7, J6): he creates and owns him.</summary>
    public StoredConversationBuilder WithCustomerProfile(string name)
    {
        _customerName = name;
        return this;
    }

    public async Task<StoredConversation> SaveAsync(TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var now = database.Clock.GetUtcNow().UtcDateTime;
        await using var db = database.NewContext();
        var visitorId = _visitorId;
        if (visitorId is null)
        {
            var visitor = new Visitor(Convert.ToHexString(RandomNumberGenerator.GetBytes(32)), now);
            db.Visitors.Add(visitor);
            await db.SaveChangesAsync();
            visitorId = visitor.Id;
        }

        var id = Interlocked.Increment(ref _sequence);
        db.Conversations.Add(new Conversation(id, visitorId.Value, entryId: 1, receptionGroupId: 1, isVip: false, now, new StartContext()));
        foreach (var (agentId, role, left) in _participants)
        {
            var participant = new ConversationParticipant(id, agentId, role, now);
            if (left)
            {
                participant.Leave(now);
            }

            db.Participants.Add(participant);
        }

        long? fileId = null;
        if (_withFile)
        {
            fileId = id * 10;
            db.Messages.Add(new ChatMessage(fileId.Value, id, 1, MessageSender.Visitor, null, null, MessageKind.File, "a.pdf", now,
                attachment: new Attachment("a.pdf", "application/pdf", 4, $"test/{id}.pdf")));
        }

        if (_customerName is not null)
        {
            db.Customers.Add(Customer.FromConsole(visitorId.Value, null, new CustomerDetails(_customerName, null, null, null), _participants.FirstOrDefault().AgentId, now));
        }

        await db.SaveChangesAsync();
        return new StoredConversation(id, visitorId.Value, fileId);
    }
}

/// <summary>What <see cref="StoredConversationBuilder"/> stored.</summary>
public sealed record StoredConversation(long Id, long VisitorId, long? FileMessageId);
