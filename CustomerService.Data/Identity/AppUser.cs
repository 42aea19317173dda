using Microsoft.AspNetCore.Identity;

namespace CustomerService.Data.Identity;

/// <summary>
/// Sign-in credentials (password hash, lockout, security stamp). Its id is the id of the
/// <see cref="Domain.Organisation.Account"/> it belongs to, so the two are created and removed together.
/// </summary>
public class AppUser : IdentityUser<int>
{
}
