using CustomerService.Data;
using CustomerService.Data.Identity;
using CustomerService.Domain.Organisation;
using CustomerService.Web.Features.Security;
using CustomerService.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CustomerService.Web.Features.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>
    /// Identity, the sign-in cookie, the permission policies and the data scope (SPEC B: what a role may open, and
    /// whose rows it sees there). Lockout, session and revalidation come from <see cref="AuthOptions"/> (section
    /// <c>Auth</c>, bound by the host; defaults otherwise).
    /// </summary>
    public static IServiceCollection AddAuthFeature(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, AccountRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddAuthorization(options => options.AddPermissionPolicies());
        services.AddSingleton<DataScopeFilter>();

        services.AddIdentityCore<AppUser>()
            .AddEntityFrameworkStores<CustomerServiceDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<AccountClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();
        services.AddScoped<IUserConfirmation<AppUser>, EnabledAccountConfirmation>();
        services.AddScoped<PasswordSignIn>();
        services.AddSingleton<DummyPasswordHash>();
        services.AddSingleton<FailedSignInThrottle>();

        services.AddOptions<IdentityOptions>().Configure<IOptions<AuthOptions>>((options, auth) =>
        {
            // SPEC C2: 6–16 characters and nothing more; the upper bound is checked by AccountRules.
            options.Password.RequiredLength = AccountRules.PasswordMinLength;
            options.Password.RequireDigit = false;
            options.Password.RequireLowercase = false;
            options.Password.RequireUppercase = false;
            options.Password.RequireNonAlphanumeric = false;
            options.Password.RequiredUniqueChars = 1;
            options.Lockout.MaxFailedAccessAttempts = auth.Value.MaxFailedAccessAttempts;
            options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(auth.Value.LockoutMinutes);
            options.Lockout.AllowedForNewUsers = true;
            options.SignIn.RequireConfirmedAccount = true;
            options.User.RequireUniqueEmail = false;
        });
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<AuthOptions>>(
            (options, auth) => options.ValidationInterval = TimeSpan.FromMinutes(auth.Value.RevalidateMinutes));
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IOptions<AuthOptions>>((options, auth) =>
        {
            options.Cookie.Name = "cs.auth";
            options.LoginPath = "/login";
            options.AccessDeniedPath = "/access-denied";
            options.ExpireTimeSpan = TimeSpan.FromHours(auth.Value.SessionHours);
            options.SlidingExpiration = true;
            // API callers get status codes, people get the login page.
            options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });
        return services;
    }

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
