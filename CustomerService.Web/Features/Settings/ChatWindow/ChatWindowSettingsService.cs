using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Settings.ChatWindow;

/// <summary>Visitor upload limits in KB (SPEC D6: image 1 MB and file 2 MB by default).</summary>
public sealed record UploadLimitValues(int ImageMaxKilobytes, int FileMaxKilobytes);

public sealed record FaqEntry(int Id, string Question, string Answer);

public sealed record CustomTabValues(string? Title, string? Text, string? Url);

/// <summary>
/// 网页聊窗 settings (SPEC K “web chat window”): upload limits, the FAQ tab and the custom tab, which the visitor API
/// reads on every upload and announces to the chat page when it opens.
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

    public async Task<IReadOnlyList<FaqEntry>> ListFaqAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.FaqItems.AsNoTracking().OrderBy(f => f.SortOrder).ThenBy(f => f.Id)
            .Select(f => new FaqEntry(f.Id, f.Question, f.Answer)).ToListAsync(cancellationToken);
    }

    public async Task<Outcome> AddFaqAsync(string? question, string? answer, CancellationToken cancellationToken = default)
    {
        if (FaqItem.Check(question, answer) is { } violation)
        {
            return violation;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var count = await db.FaqItems.CountAsync(cancellationToken);
        if (count >= FaqItem.MaxItems)
        {
            return new RuleViolation("FaqLimit", FaqItem.MaxItems);
        }

        var last = await db.FaqItems.MaxAsync(f => (int?)f.SortOrder, cancellationToken) ?? 0;
        db.FaqItems.Add(new FaqItem(question!, answer!, last + 1));
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok;
    }

    public async Task<Outcome> ChangeFaqAsync(int id, string? question, string? answer, CancellationToken cancellationToken = default)
    {
        if (FaqItem.Check(question, answer) is { } violation)
        {
            return violation;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var item = await db.FaqItems.FindAsync([id], cancellationToken);
        if (item is null)
        {
            return new RuleViolation("FaqMissing");
        }

        item.Change(question!, answer!);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok;
    }

    public async Task<Outcome> DeleteFaqAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.FaqItems.Where(f => f.Id == id).ExecuteDeleteAsync(cancellationToken) == 0
            ? new RuleViolation("FaqMissing")
            : Outcome.Ok;
    }

    public async Task<CustomTabValues> GetCustomTabAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.ConversationSettingsAsync(cancellationToken);
        return new CustomTabValues(settings.CustomTabTitle, settings.CustomTabText, settings.CustomTabUrl);
    }

    public async Task<Outcome> SaveCustomTabAsync(CustomTabValues values, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (ConversationSettings.CheckCustomTab(values.Title, values.Text, values.Url) is { } violation)
        {
            return violation;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.ConversationSettingsForChangeAsync(cancellationToken);
        settings.ChangeCustomTab(values.Title, values.Text, values.Url);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok;
    }
}
