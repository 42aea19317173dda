namespace CustomerService.Domain.Routing;

/// <summary>
/// The result of a SPEC D2 routing choice: exactly one of <see cref="AssignToAgent"/>, <see cref="Enqueue"/> or
/// <see cref="LeaveMessage"/>. The private constructor closes the hierarchy, so a switch over these three is complete.
/// </summary>
public abstract record RoutingOutcome
{
    private RoutingOutcome()
    {
    }

    public sealed record AssignToAgent(int AgentId, AssignmentReason Reason) : RoutingOutcome;

    /// <summary>
    /// Wait in a queue. <see cref="ForAgentId"/> is set when the visitor waits for his private contact only (rule 2);
    /// otherwise he waits in the group's queue (rule 7). <see cref="IsVip"/> decides his place
    /// (<see cref="QueueOrder"/>).
    /// </summary>
    public sealed record Enqueue(int? ForAgentId, bool IsVip) : RoutingOutcome;

    public sealed record LeaveMessage(LeaveMessageReason Reason) : RoutingOutcome;
}
