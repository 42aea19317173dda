namespace CustomerService.Web.Features.Conversations.Engine;

public enum TopicKind
{
    /// <summary>Everything about one conversation: what a visitor stream follows.</summary>
    Conversation,

    /// <summary>Everything an agent's console shows: his conversations, transfers offered to him, his status.</summary>
    Agent,

    /// <summary>A reception group's queue and the transfers offered to the group.</summary>
    Group,

    /// <summary>
    /// Presence, conversation changes (assigned, transferred, ended…) and queue lengths of everyone, for 我的同事 and the
    /// admin's 同事会话; never messages, which would wake every open board on every word.
    /// </summary>
    Colleagues,

    /// <summary>A reception group's queue length only: what the consoles of the group's members follow (SPEC F4).</summary>
    Queue,
}

/// <summary>What a subscriber listens to. A value type that serialises to <c>kind:id</c>, e.g. a Redis channel name.</summary>
public readonly record struct EventTopic(TopicKind Kind, long Id)
{
    public static EventTopic Conversation(long conversationId) => new(TopicKind.Conversation, conversationId);

    public static EventTopic Agent(int agentId) => new(TopicKind.Agent, agentId);

    public static EventTopic Group(int receptionGroupId) => new(TopicKind.Group, receptionGroupId);

    public static EventTopic Colleagues { get; } = new(TopicKind.Colleagues, 0);

    public static EventTopic Queue(int receptionGroupId) => new(TopicKind.Queue, receptionGroupId);

    public override string ToString() => $"{Kind}:{Id}";
}
