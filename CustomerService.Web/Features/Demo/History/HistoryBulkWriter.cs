using System.Data.Common;
using CustomerService.Data;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Customers;
using CustomerService.Domain.Visitors;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Demo.History;

/// <summary>
/// Writes generated days with prepared SQLite commands, one transaction per day (a day at 100 agents is about 40k rows),
/// in foreign-key order. Rows never pass through the change tracker, so the <see cref="LateFactMarker"/> interceptor
/// adds no marks for them: the seeder rolls every generated day itself afterwards. SQLite only (ADR 013).
/// </summary>
public sealed class HistoryBulkWriter : IDisposable
{
    private readonly DbConnection _connection;
    private readonly BulkTableWriter<Visitor> _visitors;
    private readonly BulkTableWriter<Conversation> _conversations;
    private readonly BulkTableWriter<ConversationParticipant> _participants;
    private readonly BulkTableWriter<ConversationQueueEntry> _queueEntries;
    private readonly BulkTableWriter<ChatMessage> _messages;
    private readonly BulkTableWriter<ResponseFact> _responses;
    private readonly BulkTableWriter<ConversationTransfer> _transfers;
    private readonly BulkTableWriter<AgentStatusPeriod> _statuses;
    private readonly BulkTableWriter<LeaveMessage> _leaveMessages;
    private readonly BulkTableWriter<Customer> _customers;
    private readonly BulkTableWriter<PageView> _pageViews;

    public HistoryBulkWriter(CustomerServiceDbContext db)
    {
        if (!db.Database.IsSqlite())
        {
            throw new NotSupportedException("seed-history writes with SQLite commands; on SQL Server, seed a SQLite copy (ADR 013).");
        }

        db.Database.OpenConnection();
        _connection = db.Database.GetDbConnection();
        _visitors = new(db, _connection);
        _conversations = new(db, _connection);
        _participants = new(db, _connection);
        _queueEntries = new(db, _connection);
        _messages = new(db, _connection);
        _responses = new(db, _connection);
        _transfers = new(db, _connection);
        _statuses = new(db, _connection);
        _leaveMessages = new(db, _connection);
        _customers = new(db, _connection);
        _pageViews = new(db, _connection);
    }

    /// <summary>Rows written per table so far.</summary>
    public Dictionary<string, long> Written { get; } = [];

    /// <summary>Numbers a visitor before it is written, so the day's conversations can point at it.</summary>
    public long NumberVisitor(Visitor visitor) => _visitors.Number(visitor);

    public void Write(HistoryDay day)
    {
        using var transaction = _connection.BeginTransaction();
        Write(_visitors, day.Visitors, transaction, "Visitors");
        Write(_pageViews, day.PageViews, transaction, "PageViews");
        Write(_conversations, day.Conversations, transaction, "Conversations");
        Write(_participants, day.Conversations.SelectMany(c => c.Participants), transaction, "Participants");
        Write(_queueEntries, day.Conversations.SelectMany(c => c.QueueEntries), transaction, "QueueEntries");
        Write(_messages, day.Messages, transaction, "Messages");
        Write(_responses, day.Responses, transaction, "ResponseFacts");
        Write(_transfers, day.Transfers, transaction, "Transfers");
        Write(_statuses, day.Statuses, transaction, "AgentStatusPeriods");
        Write(_leaveMessages, day.LeaveMessages, transaction, "LeaveMessages");
        Write(_customers, day.Customers, transaction, "Customers");
        transaction.Commit();
    }

    private void Write<T>(BulkTableWriter<T> writer, IEnumerable<T> rows, DbTransaction transaction, string table)
        where T : class
    {
        writer.Transaction = transaction;
        long count = 0;
        foreach (var row in rows)
        {
            writer.Write(row);
            count++;
        }

        Written[table] = Written.GetValueOrDefault(table) + count;
    }

    public void Dispose()
    {
        _visitors.Dispose();
        _conversations.Dispose();
        _participants.Dispose();
        _queueEntries.Dispose();
        _messages.Dispose();
        _responses.Dispose();
        _transfers.Dispose();
        _statuses.Dispose();
        _leaveMessages.Dispose();
        _customers.Dispose();
        _pageViews.Dispose();
    }
}
