using CustomerService.Data;
using CustomerService.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Auth;

/// <summary>
/// Identity asks this before every sign-in (RequireConfirmedAccount is on): a disabled account gets
/// <see cref="Microsoft.AspNetCore.Identity.SignInResult.NotAllowed"/> whatever path it signs in by.
/// </summary>
public sealed class EnabledAccountConfirmation(CustomerServiceDbContext db) : IUserConfirmation<AppUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<AppUser> manager, AppUser user) =>
        db.Accounts.AsNoTracking().AnyAsync(a => a.Id == user.Id && a.IsEnabled);
}
