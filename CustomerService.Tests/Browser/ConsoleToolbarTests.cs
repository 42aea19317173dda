using CustomerService.Data;
using CustomerService.Domain.Conversations;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Settings.ConsultationTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerService.Tests.Browser;

/// <summary>
/// The console toolbar in Chromium: SPEC D10 summary required on close (refused without a type), the ended conversation
/// kept for wrap-up and a recent contact's side panel (issue 15), and SPEC F6 image and file sending under the visitor's
/// upload rules.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsoleToolbarTests(BrowserFixture browser, KestrelAppFactory app) : IClassFixture<KestrelAppFactory>
{
    [Fact]
    public Task Ending_without_a_type_is_refused_and_with_one_the_conversation_ends_summarised_and_stays_greyed_until_closed() =>
        browser.RunAsync(app.BaseAddress, async page =>
        {
            int typeId;
            await using (var scope = app.CreateScope())
            {
                var types = scope.ServiceProvider.GetRequiredService<ConsultationTypeService>();
                typeId = (await types.AddAsync(null, "价格咨询")).Value;
                await types.RequireSummaryOnCloseAsync(true);
            }

            await page.SignInAsync("sales1", AppFactory.DemoPassword);
            await page.GotoInteractiveAsync("/console");
            await Expect(page.GetByTestId("agent-status")).ToHaveAttributeAsync("data-status", nameof(AgentStatus.Online));
            var visitor = await TestVisitor.StartAsync(app.Services);
            await visitor.SayAsync("多少钱？");
            var tile = page.Locator($"[data-testid=conversation-item][data-conversation-id='{visitor.ConversationId}']");
            await tile.ClickAsync();
            await page.GetByTestId("message-input").FillAsync("99 元。");
            await page.GetByTestId("send-button").ClickAsync();

            await page.GetByTestId("end-button").ClickAsync();
            await Expect(page.GetByTestId("summary-dialog")).ToBeVisibleAsync();
            await page.GetByTestId("summary-confirm").ClickAsync();
            await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync(UiTexts.Chinese("Error.SummaryTypeRequired"));
            Assert.Equal(ConversationState.Active, (await StoredAsync(visitor.ConversationId)).State);

            await page.GetByTestId("summary-type").ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "价格咨询" }).ClickAsync();
            // While the select's list is closing, its overlay takes the next click: wait until it is gone.
            await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
            await page.GetByTestId("summary-confirm").ClickAsync();

            // Issue 15: the ended conversation stays on screen, greyed, for wrap-up; saving the summary is confirmed.
            await Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = UiTexts.Chinese("Console.SummarySaved") })).ToBeVisibleAsync();
            await Expect(tile).ToHaveAttributeAsync("data-state", nameof(ConversationState.Ended));
            await Expect(tile).ToHaveAttributeAsync("data-selected", "true");
            var pane = page.GetByTestId("conversation-pane");
            await Expect(pane).ToHaveAttributeAsync("data-state", nameof(ConversationState.Ended));
            await Expect(pane).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("pane--ended"));
            await Expect(pane.GetByText("99 元。")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("wrap-up-summary")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("end-button")).ToHaveCountAsync(0);
            var ended = await StoredAsync(visitor.ConversationId);
            Assert.Equal((ConversationState.Ended, typeId), (ended.State, ended.SummaryTypeId));

            await page.GetByTestId("close-button").ClickAsync();
            await Expect(tile).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("console-idle")).ToBeVisibleAsync();
        });

    [Fact]
    public Task A_visitor_opened_from_recent_contacts_shows_his_side_panel() =>
        browser.RunAsync(app.BaseAddress, async page =>
        {
            await page.SignInAsync("sales3", AppFactory.DemoPassword);
            await page.GotoInteractiveAsync("/console");
            await Expect(page.GetByTestId("agent-status")).ToHaveAttributeAsync("data-status", nameof(AgentStatus.Online));
            var visitor = await TestVisitor.StartAsync(app.Services, "aftersale", name: "赵女士");
            await visitor.SayAsync("上周买的鞋子开胶了");
            await visitor.Engine.EndByAgentAsync(visitor.AgentId!.Value, visitor.ConversationId);
            await page.GetByTestId("tile-close").ClickAsync();

            await page.GetByTestId("tab-recent").ClickAsync();
            await page.Locator($"[data-testid=recent-contact][data-visitor-id='{visitor.VisitorId}']").ClickAsync();

            var side = page.GetByTestId("side-panel");
            await Expect(side.GetByTestId("visitor-info")).ToContainTextAsync("203.0.113.7");
            await side.GetByTestId("side-tab-history").ClickAsync();
            await Expect(side).ToContainTextAsync("上周买的鞋子开胶了");
            await side.GetByTestId("side-tab-trajectory").ClickAsync();
            await Expect(side).Not.ToContainTextAsync(UiTexts.Chinese("Console.SelectConversation"));
        });

    [Fact]
    public Task Escape_closes_the_transfer_dialog_and_an_agent_sends_an_image_shown_inline_and_an_executable_renamed_png_is_refused() =>
        browser.RunAsync(app.BaseAddress, async page =>
        {
            await page.SignInAsync("sales2", AppFactory.DemoPassword);
            await page.GotoInteractiveAsync("/console");
            await Expect(page.GetByTestId("agent-status")).ToHaveAttributeAsync("data-status", nameof(AgentStatus.Online));
            var visitor = await TestVisitor.StartAsync(app.Services);
            await page.Locator($"[data-testid=conversation-item][data-conversation-id='{visitor.ConversationId}']").ClickAsync();

            // Issue 15: Escape closes the transfer dialog, as it does any other.
            await page.GetByTestId("transfer-button").ClickAsync();
            await Expect(page.GetByTestId("transfer-dialog")).ToBeVisibleAsync();
            await page.Locator(".mud-dialog-title").ClickAsync();
            await page.Keyboard.PressAsync("Escape");
            await Expect(page.GetByTestId("transfer-dialog")).ToHaveCountAsync(0);

            await page.GetByTestId("image-input").SetInputFilesAsync(new FilePayload { Name = "商品图.png", MimeType = "image/png", Buffer = UploadSamples.Png() });
            await Expect(page.GetByTestId("message-image")).ToBeVisibleAsync();

            await page.GetByTestId("file-input").SetInputFilesAsync(new FilePayload { Name = "说明.png", MimeType = "image/png", Buffer = UploadSamples.WindowsExe() });
            await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync(UiTexts.Chinese("Error.UploadExecutable"));

            await using var scope = app.CreateScope();
            var stored = await scope.ServiceProvider.GetRequiredService<CustomerServiceDbContext>().Messages.AsNoTracking()
                .Where(m => m.ConversationId == visitor.ConversationId && m.StorageKey != null).ToListAsync();
            Assert.Equal([(MessageSender.Agent, MessageKind.Image, "商品图.png")], stored.Select(m => (m.Sender, m.Kind, m.FileName)));
        });

    private async Task<Conversation> StoredAsync(long conversationId)
    {
        await using var scope = app.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CustomerServiceDbContext>().Conversations.AsNoTracking()
            .SingleAsync(c => c.Id == conversationId);
    }
}
