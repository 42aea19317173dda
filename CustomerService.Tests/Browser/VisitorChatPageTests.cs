using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerService.Domain.Conversations;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Conversations.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerService.Tests.Browser;

/// <summary>
/// The visitor chat page on its own (/visitor/chat.html, as the widget's iframe or a mobile web view opens it): its ES
/// modules load cleanly and a message goes both ways; the visitor token survives answers that are not about it; a
/// refused signed identity is told to the embedding page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class VisitorChatPageTests(BrowserFixture browser, KestrelAppFactory app) : IClassFixture<KestrelAppFactory>
{
    private const string ChatUrl = "/visitor/chat.html?entry=presale";
    private const string TokenKey = "cs.visitorToken";

    [Fact]
    public async Task The_chat_page_runs_as_modules_without_console_errors_and_a_message_goes_both_ways()
    {
        var engine = app.Services.GetRequiredService<ConversationEngine>();
        var agent = await app.AccountIdAsync("sales2");
        await engine.AgentConnectedAsync(agent);
        await engine.SetStatusAsync(agent, AgentStatus.Online);
        try
        {
            await browser.RunAsync(app.BaseAddress, async page =>
            {
                var errors = new List<string>();
                page.Console += (_, message) =>
                {
                    if (message.Type == "error")
                    {
                        errors.Add(message.Text);
                    }
                };
                page.PageError += (_, error) => errors.Add(error);
                var modules = new List<IResponse>();
                page.Response += (_, response) =>
                {
                    if (new Uri(response.Url).AbsolutePath.StartsWith("/visitor/chat/", StringComparison.Ordinal))
                    {
                        modules.Add(response);
                    }
                };

                await page.GotoAsync(ChatUrl);
                await page.GetByTestId("visitor-input").FillAsync("有现货吗？<img src=x onerror=alert(1)>");
                await page.GetByTestId("visitor-send").ClickAsync();
                var mine = page.Locator("[data-testid=visitor-message][data-sender=visitor][data-seq]");
                await Expect(mine.Last).ToContainTextAsync("有现货吗？<img src=x onerror=alert(1)>");
                await Expect(mine.Last.Locator("img")).ToHaveCountAsync(0);

                var conversation = (await engine.GetConversationsOfAgentAsync(agent)).Single();
                await engine.AppendAgentMessageAsync(agent, conversation.Id, null, "有的，<b>今天</b>发货。");
                await Expect(page.Locator("[data-testid=visitor-message][data-sender=agent]").Last).ToContainTextAsync("有的，<b>今天</b>发货。");

                Assert.Equal(1, await page.Locator("script[type=module][src='chat/main.js']").CountAsync());
                Assert.True(modules.Count >= 15, string.Join(", ", modules.Select(m => m.Url)));
                Assert.All(modules, m => Assert.True(m.Ok, m.Url));
                Assert.Empty(errors);
            });
        }
        finally
        {
            await engine.SetStatusAsync(agent, AgentStatus.Away);
        }
    }

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(429)]
    [InlineData(503)]
    public Task An_answer_that_is_not_about_the_token_keeps_the_visitor_token(int status) =>
        browser.RunAsync(app.BaseAddress, async page =>
        {
            var token = await StartAsVisitorAsync(page);
            await page.RouteAsync("**/api/visitor/sessions", route => route.FulfillAsync(new()
            {
                Status = status,
                ContentType = "application/problem+json",
                Body = JsonSerializer.Serialize(new { title = "refused", status, detail = $"测试：{status}" }),
            }));

            await page.ReloadAsync();

            var line = page.Locator("[data-testid=visitor-message][data-sender=system]").Last;
            await Expect(line).ToContainTextAsync(status == 404 ? "咨询入口不存在" : $"测试：{status}");
            Assert.Equal(token, await StoredTokenAsync(page));
        });

    [Fact]
    public Task A_401_to_a_session_call_with_a_token_starts_over_as_a_new_visitor_once() =>
        browser.RunAsync(app.BaseAddress, async page =>
        {
            var token = await StartAsVisitorAsync(page);
            var sentTokens = new List<string?>();
            await page.RouteAsync("**/api/visitor/sessions", async route =>
            {
                route.Request.Headers.TryGetValue("x-visitor-token", out var sent);
                sentTokens.Add(sent);
                if (sentTokens.Count == 1)
                {
                    await route.FulfillAsync(new() { Status = 401, ContentType = "application/problem+json", Body = """{"title":"wrong token"}""" });
                    return;
                }

                await route.ContinueAsync();
            });

            await page.ReloadAsync();

            await page.WaitForFunctionAsync(
                "([key, old]) => !!localStorage.getItem(key) && localStorage.getItem(key) !== old", new[] { TokenKey, token });
            Assert.Equal([token, null], sentTokens);
        });

    [Fact]
    public Task A_rejected_signed_identity_is_posted_to_the_embedding_page() =>
        browser.RunAsync(app.BaseAddress, async page =>
        {
            await page.RouteAsync("**/api/visitor/sessions", async route =>
            {
                var response = await route.FetchAsync();
                var answer = JsonNode.Parse(await response.TextAsync())!.AsObject();
                answer["identity"] = "rejected";
                answer["identityReason"] = "signature-expired";
                await route.FulfillAsync(new() { Response = response, Body = answer.ToJsonString() });
            });
            await page.GotoAsync("/demo/shop");
            await page.EvaluateAsync("() => { window.csMessages = []; addEventListener('message', e => csMessages.push(e.data)); }");

            await page.GetByTestId("widget-button").ClickAsync();

            var reported = await page.WaitForFunctionAsync("() => csMessages.find(m => m && m.type === 'cs-identity')");
            var message = await reported.JsonValueAsync<JsonElement>();
            Assert.Equal("rejected", message.GetProperty("identity").GetString());
            Assert.Equal("signature-expired", message.GetProperty("reason").GetString());
        });

    /// <summary>Opens the chat page until it holds a token, and forgets the conversation so a reload starts a session.</summary>
    private static async Task<string> StartAsVisitorAsync(IPage page)
    {
        await page.GotoAsync(ChatUrl);
        await page.WaitForFunctionAsync("key => !!localStorage.getItem(key)", TokenKey);
        await page.EvaluateAsync("() => localStorage.removeItem('cs.conversation.presale')");
        return (await StoredTokenAsync(page))!;
    }

    private static Task<string?> StoredTokenAsync(IPage page) =>
        page.EvaluateAsync<string?>("key => localStorage.getItem(key)", TokenKey);
}
