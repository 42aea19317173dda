namespace CustomerService.Web.Features.Conversations.Engine;

/// <summary>
/// Carries engine events to subscribers: agent circuits and visitor streams. The in-process implementation serves one
/// node; a Redis pub/sub implementation (one channel per <see cref="EventTopic"/>) can replace it for several nodes
/// without touching publishers or subscribers.
/// </summary>
public interface IEngineEventBus
{
    /// <summary>Delivers the event to every subscription of each of its topics.</summary>
    void Publish(EngineEvent engineEvent);

    /// <summary>
    /// Handlers run on the publisher's thread and must return quickly (hand off to a channel or a renderer's
    /// dispatcher). Disposing the subscription stops delivery.
    /// </summary>
    IDisposable Subscribe(EventTopic topic, Action<EngineEvent> handler);
}
