using CustomerService.Domain.Organisation;
using CustomerService.Domain.Security;
using Microsoft.AspNetCore.Authorization;

namespace CustomerService.Web.Features.Auth;

/// <summary>
/// One authorization policy per <see cref="Permission"/>, named after it, built from <see cref="PermissionMatrix"/>:
/// pages use <c>[Authorize(Policy = nameof(Permission.EnterpriseSettings))]</c>, endpoints <c>RequireAuthorization</c>.
/// </summary>
public static class Policies
{
    public static void AddPermissionPolicies(this AuthorizationOptions options)
    {
        foreach (var permission in Enum.GetValues<Permission>())
        {
            var roles = Enum.GetValues<AccountRole>()
                .Where(role => PermissionMatrix.Allows(role, permission))
                .Select(role => role.ToString())
                .ToArray();
            options.AddPolicy(permission.ToString(), policy => policy.RequireAuthenticatedUser().RequireRole(roles));
        }

        // Everything not marked otherwise needs a signed-in account.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
