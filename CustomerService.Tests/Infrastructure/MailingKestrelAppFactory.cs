using CustomerService.Tests.Fakes;

namespace CustomerService.Tests.Infrastructure;

/// <summary>
/// <see cref="KestrelAppFactory"/> whose <c>Smtp</c> settings point at a <see cref="TestSmtpServer"/> of its own, for
/// browser tests that send leave-message replies: what the app mailed is in <see cref="Smtp"/>.<c>Received</c>.
/// </summary>
public sealed class MailingKestrelAppFactory : AppFactory
{
    public MailingKestrelAppFactory()
        : this(TestSmtpServer.Start())
    {
    }

    private MailingKestrelAppFactory(TestSmtpServer smtp)
        : base(
            new Dictionary<string, string?>
            {
                ["Smtp:Host"] = "127.0.0.1",
                ["Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Smtp:From"] = "演示商城客服 <service@shop.example>",
            },
            useKestrel: true) => Smtp = smtp;

    public TestSmtpServer Smtp { get; }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
