using System.Net;
using System.Security.Cryptography;
using CustomerService.Data.Identity;
using CustomerService.Domain.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CustomerService.Web.Features.Auth;

public enum SignInOutcome
{
    SignedIn = 0,

    /// <summary>Unknown name, wrong password, locked or disabled account: one answer for all, so none can be told apart.</summary>
    Refused = 1,

    /// <summary>Too many failures from the address; the password was not checked.</summary>
    Throttled = 2,
}

/// <param name="Landing">
/// Where a signed-in account lands when he asked for no particular page (issue 15): an admin on 首页, everyone else on
/// 咨询接待, where his work is.
/// </param>
public sealed record SignInAnswer(SignInOutcome Outcome, TimeSpan RetryAfter = default, string Landing = "/");

/// <summary>
/// The login form's sign-in. Every failure gives the same answer after the same work — one password hash: Identity
/// answers an unknown name, a locked or a disabled account without hashing, which would let anyone tell them apart by
/// the reply or its time, so those verify the password against a dummy hash. Failures count towards the per-address
/// <see cref="FailedSignInThrottle"/>; the per-account lockout stays Identity's.
/// </summary>
public sealed partial class PasswordSignIn(
    SignInManager<AppUser> signIn,
    IPasswordHasher<AppUser> hasher,
    DummyPasswordHash dummy,
    FailedSignInThrottle throttle,
    ILogger<PasswordSignIn> logger)
{
    public async Task<SignInAnswer> SignInAsync(string loginName, string password, bool isPersistent, IPAddress? address)
    {
        if (throttle.RetryAfter(address) is { } wait)
        {
            LogThrottled(address);
            return new SignInAnswer(SignInOutcome.Throttled, wait);
        }

        var user = await signIn.UserManager.FindByNameAsync(loginName);
        var blocked = user is null ? "unknown name"
            : !await signIn.CanSignInAsync(user) ? "disabled"
            : await signIn.UserManager.IsLockedOutAsync(user) ? "locked out"
            : null;
        string reason;
        if (blocked is not null)
        {
            hasher.VerifyHashedPassword(dummy.User, dummy.Hash, password);
            reason = blocked;
        }
        else
        {
            var result = await signIn.PasswordSignInAsync(user!, password, isPersistent, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                LogSignedIn(loginName);
                var principal = await signIn.CreateUserPrincipalAsync(user!);
                return new SignInAnswer(SignInOutcome.SignedIn, Landing: principal.Role() == AccountRole.Admin ? "/" : "/console");
            }

            reason = result.ToString();
        }

        throttle.RecordFailure(address);
        LogRefused(loginName, reason, address);
        return new SignInAnswer(SignInOutcome.Refused);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{LoginName} signed in")]
    private partial void LogSignedIn(string loginName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in refused for {LoginName}: {Reason} (from {Address})")]
    private partial void LogRefused(string loginName, string reason, IPAddress? address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in from {Address} throttled: too many failures")]
    private partial void LogThrottled(IPAddress? address);
}

/// <summary>
/// A hash of a random password, made once with the app's hasher settings, that sign-ins of unknown or blocked accounts
/// verify against so they cost what a real check costs.
/// </summary>
public sealed class DummyPasswordHash(IOptions<PasswordHasherOptions> options)
{
    public AppUser User { get; } = new();

    public string Hash { get; } = new PasswordHasher<AppUser>(options).HashPassword(new AppUser(), RandomNumberGenerator.GetHexString(32));
}
