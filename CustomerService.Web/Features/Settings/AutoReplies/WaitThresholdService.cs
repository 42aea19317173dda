using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Settings.AutoReplies;

/// <summary>
/// When the console's wait timers turn amber and red (issue 15). Beside the auto-replies because both are about how long
/// a visitor waits for an answer; consoles read the values when they open.
/// </summary>
public sealed class WaitThresholdService(IDbContextFactory<CustomerServiceDbContext> dbFactory)
{
    public async Task<WaitThresholds> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await db.ConversationSettingsAsync(cancellationToken)).WaitThresholds;
    }

    public async Task<Outcome> SaveAsync(WaitThresholds values, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (ConversationSettings.CheckWaitThresholds(values.AmberSeconds, values.RedSeconds) is { } violation)
        {
            return violation;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.ConversationSettingsForChangeAsync(cancellationToken);
        settings.ChangeWaitThresholds(values.AmberSeconds, values.RedSeconds);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok;
    }
}
