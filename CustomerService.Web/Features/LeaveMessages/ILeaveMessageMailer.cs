using CustomerService.Domain.Common;

namespace CustomerService.Web.Features.LeaveMessages;

/// <summary>An e-mail answering a visitor's leave-message (plain text).</summary>
public sealed record LeaveMessageMail(string ToAddress, string? ToName, string Subject, string Body);

/// <summary>Sends leave-message replies (SPEC D12 “reply (e-mail through SMTP)”); <see cref="SmtpLeaveMessageMailer"/> in the app.</summary>
public interface ILeaveMessageMailer
{
    /// <summary>False when no mail server is configured: the inbox says so before the agent writes a reply.</summary>
    bool IsConfigured { get; }

    /// <summary>Succeeds only once the server accepted the mail; otherwise the violation says why (not configured, refused…).</summary>
    Task<Outcome> SendAsync(LeaveMessageMail mail, CancellationToken cancellationToken = default);
}
