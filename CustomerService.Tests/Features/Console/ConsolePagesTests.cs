using System.Net;
using CustomerService.Domain.Conversations;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Conversations.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Console;

/// <summary>SPEC B over HTTP: every role has 咨询接待 and 我的同事; only the interactive console brings an agent online.</summary>
public sealed class ConsolePagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    public static TheoryData<string, string> PagesForEveryRole
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var login in new[] { "admin", "lead", "sales1", "qc" })
            {
                data.Add(login, "/console");
                data.Add(login, "/colleagues");
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(PagesForEveryRole))]
    public async Task Every_role_opens_the_console_and_the_colleagues_page(string login, string page)
    {
        using var client = await app.SignInAsync(login);

        using var response = await client.GetAsync(page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("data-testid=\"access-denied\"", await response.ReadHtmlAsync());
    }

    [Fact]
    public async Task Signed_out_visitors_of_the_console_are_sent_to_the_login_page()
    {
        using var client = app.CreateCookieClient();

        using var response = await client.GetAsync("/console");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login", new Uri(app.BaseAddress, response.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task The_prerendered_console_does_not_bring_the_agent_online()
    {
        using var client = await app.SignInAsync("sales3");

        var html = await (await client.GetAsync("/console")).ReadHtmlAsync();

        Assert.Contains("data-testid=\"console-loading\"", html);
        var engine = app.Services.GetRequiredService<ConversationEngine>();
        Assert.Equal(AgentStatus.Offline, await engine.GetStatusAsync(await app.AccountIdAsync("sales3")));
    }
}
