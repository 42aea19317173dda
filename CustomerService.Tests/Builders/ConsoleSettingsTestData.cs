using CustomerService.Domain.Conversations;
using CustomerService.Domain.Phrases;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Settings.Phrases;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Builders;

/// <summary>Arranges canned phrases, consultation types and accounts' states in a <see cref="TestDatabase"/>.</summary>
public static class ConsoleSettingsTestData
{
    /// <summary>A phrase in a group of its own, saved and (unless told otherwise) published through the service.</summary>
    public static async Task<int> AddPhraseAsync(
        this TestDatabase database, PhraseOwner owner, string title, string content = "您好，请问有什么可以帮您？", bool publish = true)
    {
        var phrases = database.GetRequiredService<CannedPhraseService>();
        var group = await phrases.CreateGroupAsync(owner, "分组" + Guid.NewGuid().ToString("N")[..8]);
        var created = await phrases.CreateAsync(owner, group.Value, title, content);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(created.Violation!.ToString());
        }

        if (publish)
        {
            await phrases.PublishAllAsync(owner);
        }

        return created.Value;
    }

    /// <summary><paramref name="count"/> top-level types named 类型1, 类型2, … straight into the table.</summary>
    public static async Task AddConsultationTypesAsync(this TestDatabase database, int count)
    {
        await using var db = database.NewContext();
        db.ConsultationTypes.AddRange(Enumerable.Range(1, count).Select(i => new ConsultationType(0, null, $"类型{i}")));
        await db.SaveChangesAsync();
    }

    public static async Task<IReadOnlyList<ConsultationType>> StoredConsultationTypesAsync(this TestDatabase database)
    {
        await using var db = database.NewContext();
        return await db.ConsultationTypes.AsNoTracking().OrderBy(t => t.Id).ToListAsync();
    }

    public static async Task<int> AccountGroupIdOfAsync(this TestDatabase database, int accountId)
    {
        await using var db = database.NewContext();
        return await db.Accounts.Where(a => a.Id == accountId).Select(a => a.AccountGroupId).SingleAsync();
    }

    public static async Task DisableAccountAsync(this TestDatabase database, int accountId)
    {
        await using var db = database.NewContext();
        (await db.Accounts.SingleAsync(a => a.Id == accountId)).Disable();
        await db.SaveChangesAsync();
    }
}
