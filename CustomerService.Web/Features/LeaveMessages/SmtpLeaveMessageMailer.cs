using CustomerService.Domain.Common;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CustomerService.Web.Features.LeaveMessages;

/// <summary>Sends replies through the SMTP server of <see cref="SmtpOptions"/> with MailKit, one connection per mail.</summary>
public sealed class SmtpLeaveMessageMailer(IOptionsMonitor<SmtpOptions> options, ILogger<SmtpLeaveMessageMailer> logger) : ILeaveMessageMailer
{
    public bool IsConfigured => options.CurrentValue.IsConfigured;

    public async Task<Outcome> SendAsync(LeaveMessageMail mail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var smtp = options.CurrentValue;
        if (!smtp.IsConfigured)
        {
            return new RuleViolation("SmtpNotConfigured");
        }

        if (!MailboxAddress.TryParse(smtp.From, out var sender))
        {
            logger.LogError("Smtp:From '{From}' is not an e-mail address; leave-message replies cannot be sent", smtp.From);
            return new RuleViolation("SmtpNotConfigured");
        }

        if (!MailboxAddress.TryParse(mail.ToAddress, out var recipient))
        {
            return new RuleViolation("EmailFormat");
        }

        if (!string.IsNullOrWhiteSpace(mail.ToName))
        {
            recipient.Name = mail.ToName.Trim();
        }

        using var message = new MimeMessage();
        message.From.Add(sender);
        message.To.Add(recipient);
        message.Subject = mail.Subject;
        message.Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = mail.Body };

        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        try
        {
            var security = smtp.UseSsl ? SecureSocketOptions.SslOnConnect
                : smtp.StartTls ? SecureSocketOptions.StartTls
                : SecureSocketOptions.StartTlsWhenAvailable;
            await client.ConnectAsync(smtp.Host!.Trim(), smtp.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return Outcome.Ok;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Refused recipient, wrong password, unreachable host, TLS failure, timeout: the agent sees why; nothing is marked handled.
            logger.LogWarning(ex, "Sending a leave-message reply through {Host}:{Port} failed", smtp.Host, smtp.Port);
            return new RuleViolation("MailSendFailed", ex.Message);
        }
    }
}
