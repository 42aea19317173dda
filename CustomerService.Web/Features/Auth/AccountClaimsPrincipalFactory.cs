using System.Security.Claims;
using CustomerService.Data;
using CustomerService.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerService.Web.Features.Auth;

/// <summary>
/// The account row is the single source of an account's role; the cookie carries it as a role claim so policies can
/// check it without a query. Role changes update the security stamp, which re-issues the cookie.
/// </summary>
public sealed class AccountClaimsPrincipalFactory(
    UserManager<AppUser> users,
    IOptions<IdentityOptions> options,
    CustomerServiceDbContext db)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == user.Id);
        identity.AddClaim(new Claim(ClaimTypes.Role, account.Role.ToString()));
        identity.AddClaim(new Claim(AccountClaims.DisplayName, account.InternalName));
        identity.AddClaim(new Claim(AccountClaims.AccountGroupId, account.AccountGroupId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return identity;
    }
}
