using CustomerService.Domain.Conversations;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Data;

/// <summary>Reads of the one-row settings tables, with the defaults a fresh database starts from.</summary>
public static class SingletonRows
{
    /// <summary>The enterprise's conversation settings (seeded by the migration; the defaults if someone removed the row).</summary>
    public static async Task<ConversationSettings> ConversationSettingsAsync(this CustomerServiceDbContext db, CancellationToken cancellationToken) =>
        await db.ConversationSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? ConversationSettings.CreateDefault();

    /// <summary>The row tracked for a change; a missing row is recreated from the defaults.</summary>
    public static async Task<ConversationSettings> ConversationSettingsForChangeAsync(this CustomerServiceDbContext db, CancellationToken cancellationToken)
    {
        var settings = await db.ConversationSettings.SingleOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = ConversationSettings.CreateDefault();
            db.ConversationSettings.Add(settings);
        }

        return settings;
    }
}
