using System.Net;
using CustomerService.Tests.Infrastructure;

namespace CustomerService.Tests.Features.Security;

/// <summary>SPEC M: every response says nosniff and a strict referrer policy, whichever part of the app answers.</summary>
public sealed class SecurityHeadersTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("/login", HttpStatusCode.OK)]
    [InlineData("/api/files/987654321", HttpStatusCode.NotFound)]
    [InlineData("/api/visitor/sessions/none", HttpStatusCode.NotFound)]
    [InlineData("/api/visitor/conversations/1", HttpStatusCode.Unauthorized)]
    [InlineData("/widget.js", HttpStatusCode.OK)]
    [InlineData("/app.css", HttpStatusCode.OK)]
    [InlineData("/no-such-page", HttpStatusCode.Found)]
    public async Task Pages_api_errors_and_static_files_carry_the_security_headers(string path, HttpStatusCode status)
    {
        using var client = app.CreateCookieClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }
}
