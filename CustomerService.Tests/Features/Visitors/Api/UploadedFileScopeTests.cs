using System.Net;
using System.Net.Http.Json;
using CustomerService.Domain.Conversations;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Features.Visitors.Api;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Visitors.Api;

/// <summary>
/// GET /api/files/{id} per role (SPEC B records scope) with the demo data: sales1 alone serves 售前 (presale) and sales3
/// serves 售后 (aftersale); each visitor uploads a file.
/// </summary>
public sealed class UploadedFileScopeTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private ConversationEngine Engine => app.Services.GetRequiredService<ConversationEngine>();

    public async Task InitializeAsync()
    {
        foreach (var login in new[] { "sales1", "sales3" })
        {
            var id = await app.AccountIdAsync(login);
            await Engine.AgentConnectedAsync(id);
            await Engine.SetStatusAsync(id, AgentStatus.Online);
        }
    }

    public async Task DisposeAsync()
    {
        var admin = await app.AccountIdAsync("admin");
        foreach (var open in await Engine.GetOpenConversationsAsync())
        {
            await Engine.EndByAgentAsync(admin, open.Id);
        }
    }

    [Theory]
    [InlineData("admin", HttpStatusCode.OK, HttpStatusCode.OK)]
    [InlineData("qc", HttpStatusCode.OK, HttpStatusCode.OK)]
    [InlineData("lead", HttpStatusCode.OK, HttpStatusCode.NotFound)]
    [InlineData("sales1", HttpStatusCode.OK, HttpStatusCode.NotFound)]
    [InlineData("sales2", HttpStatusCode.NotFound, HttpStatusCode.NotFound)]
    [InlineData("sales3", HttpStatusCode.NotFound, HttpStatusCode.OK)]
    public async Task A_file_is_served_to_the_accounts_whose_records_show_its_visitor(string login, HttpStatusCode presale, HttpStatusCode aftersale)
    {
        var presaleFile = await UploadAsync("presale", "客服小美");
        var aftersaleFile = await UploadAsync("aftersale", "客服小王");
        using var client = await app.SignInAsync(login);

        using var presaleAnswer = await client.GetAsync(presaleFile.Url);
        using var aftersaleAnswer = await client.GetAsync(aftersaleFile.Url);

        Assert.Equal(presale, presaleAnswer.StatusCode);
        Assert.Equal(aftersale, aftersaleAnswer.StatusCode);
    }

    [Fact]
    public async Task A_visitor_gets_his_own_file_by_token_and_not_another_visitors()
    {
        var own = await UploadAsync("presale", "客服小美");
        var other = await UploadAsync("aftersale", "客服小王");

        using var mine = await own.Visitor.SendAsync(HttpMethod.Get, own.Url);
        using var theirs = await own.Visitor.SendAsync(HttpMethod.Get, other.Url);

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
    }

    [Fact]
    public async Task A_visitors_file_link_opens_without_token_or_cookie_and_only_for_its_own_file()
    {
        var own = await UploadAsync("presale", "客服小美");
        var other = await UploadAsync("aftersale", "客服小王");
        // The chat page's <img src> sends neither the X-Visitor-Token header nor a sign-in cookie.
        using var browser = app.CreateClient();

        using var image = await browser.GetAsync(own.Signed);
        using var swapped = await browser.GetAsync(other.Url + own.Signed[own.Signed.IndexOf('?', StringComparison.Ordinal)..]);
        using var bare = await browser.GetAsync(own.Url);

        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, swapped.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, bare.StatusCode);
    }

    /// <returns>The file's plain path (scope rule tests) and the signed link the visitor's answer carried.</returns>
    private async Task<(VisitorApiClient Visitor, string Url, string Signed)> UploadAsync(string entry, string expectedAgent)
    {
        var visitor = new VisitorApiClient(app.CreateClient());
        var session = await visitor.StartAsync(entry);
        Assert.Equal(expectedAgent, session.Agent?.Name);
        using var upload = await visitor.UploadAsync(UploadSamples.Png(), "a.png");
        upload.EnsureSuccessStatusCode();
        var signed = (await upload.Content.ReadFromJsonAsync<MessageResponse>(VisitorApiClient.Json))!.File!.Url;
        return (visitor, VisitorApiClient.PlainFilePath(signed), signed);
    }
}
