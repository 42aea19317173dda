using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.LeaveMessages;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Settings.LeaveMessage;

/// <summary>
/// 留言设置 (SPEC K; seed 002 “设置 7.留言”). The visitor side reads <see cref="GetAsync"/> to draw the form and checks a
/// submission with <see cref="LeaveMessageForm.Check(LeaveMessageOptions, string?, string?, string?, string?)"/>.
/// Until an admin saves, the enterprise gets <see cref="LeaveMessageSettings.DefaultOptions"/> (no row is needed).
/// </summary>
public sealed class LeaveMessageSettingsService(IDbContextFactory<CustomerServiceDbContext> dbFactory)
{
    public async Task<LeaveMessageOptions> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.LeaveMessageSettings.AsNoTracking()
            .SingleOrDefaultAsync(s => s.Id == LeaveMessageSettings.SingletonId, cancellationToken);
        return settings?.Options ?? LeaveMessageSettings.DefaultOptions;
    }

    public async Task<Outcome> SaveAsync(LeaveMessageOptions options, CancellationToken cancellationToken = default)
    {
        if (LeaveMessageSettings.Check(options) is { } violation)
        {
            return violation;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.LeaveMessageSettings.SingleOrDefaultAsync(s => s.Id == LeaveMessageSettings.SingletonId, cancellationToken);
        if (settings is null)
        {
            db.LeaveMessageSettings.Add(new LeaveMessageSettings(options));
        }
        else
        {
            settings.Change(options);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok;
    }
}

/// <summary>The page's editable copy of <see cref="LeaveMessageOptions"/>.</summary>
public sealed class LeaveMessageFormModel
{
    public bool Enabled { get; set; }
    public LeaveMessageFieldMode Name { get; set; }
    public LeaveMessageFieldMode Phone { get; set; }
    public LeaveMessageFieldMode Email { get; set; }
    public LeaveMessageFieldMode Content { get; set; }
    public string? Notice { get; set; }

    public LeaveMessageOptions Options => new(Enabled, Name, Phone, Email, Content, Notice);

    public static LeaveMessageFormModel From(LeaveMessageOptions options) => new()
    {
        Enabled = options.Enabled,
        Name = options.Name,
        Phone = options.Phone,
        Email = options.Email,
        Content = options.Content,
        Notice = options.Notice,
    };
}
