namespace CustomerService.Web.Features.Conversations.Engine;

public static class ConversationEngineServiceCollectionExtensions
{
    /// <summary>The engine and its in-process event bus. The engine starts (recovers) as a hosted service.</summary>
    public static IServiceCollection AddConversationEngine(this IServiceCollection services)
    {
        services.AddOptions<EngineOptions>();
        services.AddSingleton<IEngineEventBus, InProcessEventBus>();
        services.AddSingleton<ConversationEngine>();
        services.AddSingleton<VisitorLiveness>();
        services.AddSingleton<Summaries.PendingSummaries>();
        return services;
    }

    /// <summary>Runs the engine inside the app's host: recovery at start, the timer loop, a clean stop.</summary>
    public static IServiceCollection AddConversationEngineHosting(this IServiceCollection services)
    {
        services.AddHostedService(sp => sp.GetRequiredService<ConversationEngine>());
        services.AddHostedService<EngineTicker>();
        return services;
    }
}
