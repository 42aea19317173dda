namespace CustomerService.Web.Features.Invitations;

public static class InvitationsServiceCollectionExtensions
{
    /// <summary>主动邀请 and 专属客服 (SPEC D13, D2.2): who is on the site, inviting, private contacts and their settings.</summary>
    public static IServiceCollection AddInvitationsFeature(this IServiceCollection services)
    {
        services.AddSingleton<OnlineVisitors>();
        services.AddSingleton<InvitationSettingsService>();
        services.AddSingleton<ConsultationEntryCodes>();
        services.AddSingleton<VisitorInviter>();
        services.AddSingleton<PrivateContactBook>();
        services.AddScoped<OnlineVisitorsQuery>();
        return services;
    }
}
