using CustomerService.Data;
using CustomerService.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Settings.ChatPreferences;

/// <summary>
/// 聊天设置 (SPEC F11, E2; seed 002 “个人设置 5.聊天设置”): send key, new-message sound and forced pop-up, per account.
/// The console reads <see cref="GetAsync"/> when an agent's circuit starts; accounts that never saved get
/// <see cref="Domain.Organisation.ChatPreferences.Defaults"/>.
/// </summary>
public sealed class ChatPreferencesService(IDbContextFactory<CustomerServiceDbContext> dbFactory)
{
    public async Task<ChatPreferenceValues> GetAsync(int accountId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.ChatPreferences.AsNoTracking().SingleOrDefaultAsync(p => p.AccountId == accountId, cancellationToken);
        return row?.Values ?? Domain.Organisation.ChatPreferences.Defaults;
    }

    public async Task SaveAsync(int accountId, ChatPreferenceValues values, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.ChatPreferences.SingleOrDefaultAsync(p => p.AccountId == accountId, cancellationToken);
        if (row is null)
        {
            db.ChatPreferences.Add(new Domain.Organisation.ChatPreferences(accountId, values));
        }
        else
        {
            row.Change(values);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
