namespace CustomerService.Web.Features.LeaveMessages;

public static class LeaveMessagesServiceCollectionExtensions
{
    /// <summary>
    /// The leave-message inbox and the SMTP mailer for replies. The <see cref="SmtpOptions"/> are bound to configuration
    /// by the host (Program.cs); without binding they are empty, and replies are refused as not configured.
    /// </summary>
    public static IServiceCollection AddLeaveMessagesFeature(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>();
        services.AddSingleton<ILeaveMessageMailer, SmtpLeaveMessageMailer>();
        services.AddScoped<LeaveMessageInbox>();
        return services;
    }
}
