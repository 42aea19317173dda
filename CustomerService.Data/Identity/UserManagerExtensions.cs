using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace CustomerService.Data.Identity;

public static class UserManagerExtensions
{
    /// <summary>The identity user of an account: they share the id (see <see cref="AppUser"/>).</summary>
    public static Task<AppUser?> FindByAccountIdAsync(this UserManager<AppUser> users, int accountId) =>
        users.FindByIdAsync(accountId.ToString(CultureInfo.InvariantCulture));
}
