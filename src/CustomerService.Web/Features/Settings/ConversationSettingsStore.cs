using CustomerService.Data;
using CustomerService.Domain.Conversations;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Settings;

/// <summary>
/// Reads and loads for change the enterprise's one <see cref="ConversationSettings"/> row, which the migration seeds;
/// should it be missing (a hand-edited database), the defaults stand in and the first save stores them. The engine
/// reads the row on every batch and tick, so saving it is all a settings page has to do.
/// </summary>
internal static class ConversationSettingsStore
{
    public static async Task<ConversationSettings> ReadAsync(CustomerServiceDbContext db, CancellationToken cancellationToken) =>
        await db.ConversationSettings.AsNoTracking()
            .SingleOrDefaultAsync(s => s.Id == ConversationSettings.SingletonId, cancellationToken)
        ?? ConversationSettings.CreateDefault();

    public static async Task<ConversationSettings> LoadForChangeAsync(CustomerServiceDbContext db, CancellationToken cancellationToken)
    {
        var settings = await db.ConversationSettings.SingleOrDefaultAsync(s => s.Id == ConversationSettings.SingletonId, cancellationToken);
        if (settings is null)
        {
            settings = ConversationSettings.CreateDefault();
            db.ConversationSettings.Add(settings);
        }

        return settings;
    }
}
