using CustomerService.Domain.Common;
using CustomerService.Web.Features.LeaveMessages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerService.Tests.Fakes;

/// <summary>
/// Records leave-message replies instead of sending them; <see cref="FailWith"/> makes the next sends fail the way the
/// SMTP mailer reports a refused mail. Register it over the app's mailer:
/// <code>
/// var mailer = new TestLeaveMessageMailer();
/// await using var scenario = await EngineScenario.StartAsync(configure: mailer.Register);
/// </code>
/// </summary>
public sealed class TestLeaveMessageMailer : ILeaveMessageMailer
{
    private readonly List<LeaveMessageMail> _sent = [];
    private readonly Lock _gate = new();

    public bool IsConfigured { get; set; } = true;

    /// <summary>When set, every send fails with this violation and nothing is recorded.</summary>
    public RuleViolation? FailWith { get; set; }

    public IReadOnlyList<LeaveMessageMail> Sent
    {
        get
        {
            lock (_gate)
            {
                return [.. _sent];
            }
        }
    }

    public void Register(IServiceCollection services) => services.Replace(ServiceDescriptor.Singleton<ILeaveMessageMailer>(this));

    public Task<Outcome> SendAsync(LeaveMessageMail mail, CancellationToken cancellationToken = default)
    {
        if (!IsConfigured)
        {
            return Task.FromResult<Outcome>(new RuleViolation("SmtpNotConfigured"));
        }

        if (FailWith is { } violation)
        {
            return Task.FromResult<Outcome>(violation);
        }

        lock (_gate)
        {
            _sent.Add(mail);
        }

        return Task.FromResult(Outcome.Ok);
    }
}
