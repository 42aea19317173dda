using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using CustomerService.Domain.Common;
using CustomerService.Web.Localization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CustomerService.Web.Features.Integration.Authentication;

/// <summary>Names of the <c>X-Api-Key</c> scheme and of what it puts in the principal.</summary>
public static class ApiKeyAuthentication
{
    public const string Scheme = "ApiKey";
    public const string Header = "X-Api-Key";

    /// <summary>The authorization policy of every <c>/api/v1</c> route: an active API key, and nothing else (not a sign-in cookie).</summary>
    public const string Policy = "integration-api-key";

    /// <summary>The claim holding the key's id; the rate limit is partitioned by it.</summary>
    public const string KeyIdClaim = "cs:api_key";

    public static int? KeyIdOf(ClaimsPrincipal principal) =>
        int.TryParse(principal.FindFirstValue(KeyIdClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}

/// <summary>
/// Authenticates <c>X-Api-Key</c> (SPEC L, N4). A missing, unknown or revoked key is a 401 problem with a
/// <c>WWW-Authenticate</c> challenge naming the header — never the login page's redirect, which is for people.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyVerifier verifier)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers[ApiKeyAuthentication.Header].ToString();
        if (string.IsNullOrEmpty(presented))
        {
            return AuthenticateResult.NoResult();
        }

        var keyId = await verifier.VerifyAsync(presented, Context.RequestAborted);
        if (keyId is null)
        {
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }

        var identity = new ClaimsIdentity(
            [new Claim(ApiKeyAuthentication.KeyIdClaim, keyId.Value.ToString(CultureInfo.InvariantCulture))],
            ApiKeyAuthentication.Scheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiKeyAuthentication.Scheme));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var missing = string.IsNullOrEmpty(Request.Headers[ApiKeyAuthentication.Header].ToString());
        var violation = new RuleViolation(missing ? "ApiKeyHeaderMissing" : "ApiKeyInvalid");
        Response.Headers.WWWAuthenticate = $"{ApiKeyAuthentication.Scheme} header=\"{ApiKeyAuthentication.Header}\"";
        await Problem(violation, StatusCodes.Status401Unauthorized);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problem(new RuleViolation("Forbidden"), StatusCodes.Status403Forbidden);

    private Task Problem(RuleViolation violation, int status)
    {
        var text = Context.RequestServices.GetRequiredService<ViolationText>();
        return Results.Problem(text.Describe(violation), statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = violation.Code })
            .ExecuteAsync(Context);
    }
}
