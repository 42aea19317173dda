using System.Security.Claims;
using CustomerService.Domain.Organisation;

namespace CustomerService.Web.Features.Auth;

/// <summary>Claims the app puts in the sign-in cookie, and how to read them back.</summary>
public static class AccountClaims
{
    public const string DisplayName = "cs:display_name";
    public const string AccountGroupId = "cs:account_group";

    public static int AccountId(this ClaimsPrincipal principal) =>
        int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? id
            : throw new InvalidOperationException("The principal is not a signed-in account.");

    public static AccountRole Role(this ClaimsPrincipal principal) =>
        Enum.TryParse<AccountRole>(principal.FindFirstValue(ClaimTypes.Role), out var role)
            ? role
            : throw new InvalidOperationException("The principal has no role.");

    public static string DisplayNameOf(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(DisplayName) ?? principal.Identity?.Name ?? string.Empty;
}
