using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Settings.ChatWindow;

/// <summary>Visitor upload limits in KB (SPEC D6: image 1 MB and file 2 MB by default).</summary>
public sealed record UploadLimitValues(int ImageMaxKilobytes, int FileMaxKilobytes);

/// <summary>
/// 网页聊窗 settings (SPEC K “web chat window”). For now the upload limits, which the visitor API reads on every upload
/// and announces to the chat page at session start.
/// </summary>
public sealed class ChatWindowSettingsService(IDbContextFactory<CustomerServiceDbContext> dbFactory)
{
    public async Task<UploadLimitValues> GetUploadLimitsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.ConversationSettingsAsync(cancellationToken);
        return new UploadLimitValues(settings.ImageMaxKilobytes, settings.FileMaxKilobytes);
    }

    public async Task<Outcome> SaveUploadLimitsAsync(UploadLimitValues values, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (ConversationSettings.CheckUploadLimits(values.ImageMaxKilobytes, values.FileMaxKilobytes) is { } violation)
        {
            return violation;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.ConversationSettingsForChangeAsync(cancellationToken);
        settings.ChangeUploadLimits(values.ImageMaxKilobytes, values.FileMaxKilobytes);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok;
    }
}
