using System.Security.Claims;
using CustomerService.Data;
using CustomerService.Data.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using CustomerService.Web.Hosting;

namespace CustomerService.Web.Features.Auth;

/// <summary>
/// A Blazor circuit outlives the cookie check of its first request; this re-checks the account periodically so a
/// disabled account or a changed role ends the open console too, not only new requests.
/// </summary>
public sealed class AccountRevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    IOptions<IdentityOptions> identityOptions,
    IOptions<AuthOptions> authOptions)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(authOptions.Value.RevalidateMinutes);

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<CustomerServiceDbContext>();
        var principal = authenticationState.User;
        var user = await users.GetUserAsync(principal);
        if (user is null || !await db.Accounts.AnyAsync(a => a.Id == user.Id && a.IsEnabled, cancellationToken))
        {
            return false;
        }

        if (!users.SupportsUserSecurityStamp)
        {
            return true;
        }

        var stamp = principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }
}
