using CustomerService.Data;
using CustomerService.Domain.Organisation;
using CustomerService.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Qc;

/// <summary>
/// The reader as QC sees him, read from the account row (ADR 002: the row owns the role; the cookie's claim may be a
/// minute old). Unknown and disabled accounts are null and may do nothing.
/// </summary>
internal sealed record QcReader(int AccountId, AccountRole Role, int AccountGroupId, string Name)
{
    public bool MayGrade => PermissionMatrix.Allows(Role, Permission.GradeConversations);

    public bool IsAdmin => Role == AccountRole.Admin;

    public static async Task<QcReader?> LoadAsync(CustomerServiceDbContext db, int accountId, CancellationToken cancellationToken) =>
        await db.Accounts.AsNoTracking()
            .Where(a => a.Id == accountId && a.IsEnabled)
            .Select(a => new QcReader(a.Id, a.Role, a.AccountGroupId, a.InternalName))
            .SingleOrDefaultAsync(cancellationToken);
}
