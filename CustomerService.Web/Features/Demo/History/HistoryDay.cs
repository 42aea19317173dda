using CustomerService.Domain.Conversations;
using CustomerService.Domain.Customers;
using CustomerService.Domain.Orders;
using CustomerService.Domain.Visitors;

namespace CustomerService.Web.Features.Demo.History;

/// <summary>The rows of one generated local day, written together and then dropped (memory does not grow with days).</summary>
public sealed class HistoryDay(DateOnly date)
{
    public DateOnly Date { get; } = date;
    public List<Visitor> Visitors { get; } = [];
    public List<Conversation> Conversations { get; } = [];
    public List<ChatMessage> Messages { get; } = [];
    public List<ResponseFact> Responses { get; } = [];
    public List<ConversationTransfer> Transfers { get; } = [];
    public List<AgentStatusPeriod> Statuses { get; } = [];
    public List<LeaveMessage> LeaveMessages { get; } = [];
    public List<Customer> Customers { get; } = [];
    public List<PageView> PageViews { get; } = [];

    /// <summary>Orders of the day's users; they may be placed days later and are attributed once their window is written.</summary>
    public List<Order> Orders { get; } = [];

    public int Participants => Conversations.Sum(c => c.Participants.Count);
}

/// <summary>
/// The next ids of the rows the engine numbers itself (conversations, messages, transfers, leave-messages, queue
/// tickets), read from the database as the engine's recovery reads them. History takes ids above every stored one; the
/// engine, which reads the maxima again when it starts, then continues above the history.
/// </summary>
public sealed class HistoryIds
{
    public long Conversation { get; set; }
    public long Message { get; set; }
    public long Transfer { get; set; }
    public long LeaveMessage { get; set; }
    public long QueueTicket { get; set; }
    public long Order { get; set; }
}
