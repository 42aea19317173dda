using System.Text.Encodings.Web;
using System.Text.Json;
using CustomerService.Data;
using CustomerService.Domain.Visitors;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Demo;

/// <summary>
/// The demo shop's signed-in VIP customer (issue 15, SPEC N1b): with the switch on the shop page, the page signs this
/// member with the presale entry's secret, as a merchant's server would (SPEC E1), so VIP routing can be tried. The
/// secret is read from the entry itself, so the signature holds whatever secret the entry has.
/// </summary>
public sealed class DemoShopMember(IDbContextFactory<CustomerServiceDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The query parameter of the switch; its value <see cref="VipValue"/> turns the member on.</summary>
    public const string QueryName = "member";

    public const string VipValue = "vip";

    public const string UserId = "demo-vip-001";

    public const string UserName = "陈女士（VIP）";

    private static readonly JsonSerializerOptions Json = new()
    {
        // Default escaping: no <, >, & or quotes survive, so the JSON is safe inside a <script> element.
        Encoder = JavaScriptEncoder.Default,
    };

    /// <summary>The <c>CustomerService.identify(...)</c> argument as JSON, or null when the entry does not exist.</summary>
    public async Task<string?> IdentifyJsonAsync(string entryCode, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var secret = await db.ConsultationEntries.AsNoTracking().Where(e => e.Code == entryCode).Select(e => e.Secret).FirstOrDefaultAsync(cancellationToken);
        if (string.IsNullOrEmpty(secret))
        {
            return null;
        }

        var user = new WidgetUser(UserId, UserName, Vip: true, clock.GetUtcNow().ToUnixTimeSeconds());
        return JsonSerializer.Serialize(new { id = user.Id, name = user.Name, vip = user.Vip, ts = user.Timestamp, sig = WidgetSignature.Sign(user, secret) }, Json);
    }
}
