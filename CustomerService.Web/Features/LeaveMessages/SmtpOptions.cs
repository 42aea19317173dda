using System.ComponentModel.DataAnnotations;

namespace CustomerService.Web.Features.LeaveMessages;

/// <summary>
/// The outgoing mail server for leave-message replies (configuration section <c>Smtp</c>). With no <see cref="Host"/>
/// replies by e-mail are refused with a clear message; nothing pretends to have sent them.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    /// <summary>E.g. <c>smtp.example.com</c>; empty turns e-mail replies off.</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>TLS from the first byte (usually port 465).</summary>
    public bool UseSsl { get; set; }

    /// <summary>Require STARTTLS. With neither this nor <see cref="UseSsl"/>, STARTTLS is used when the server offers it.</summary>
    public bool StartTls { get; set; }

    /// <summary>Signs in when set.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, <c>service@example.com</c> or <c>客服中心 &lt;service@example.com&gt;</c>.</summary>
    public string? From { get; set; }

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
}
