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

/// <summary>SPEC D10 in the console: with the summary required, ending asks for a consultation type and refuses without one.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsoleSummaryTests(BrowserFixture browser, KestrelAppFactory app) : IClassFixture<KestrelAppFactory>
{
    [Fact]
    public Task Ending_without_a_type_is_refused_and_with_one_the_conversation_ends_summarised() =>
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
            await page.GetByTestId("summary-confirm").ClickAsync();

            await Expect(tile).ToHaveCountAsync(0);
            var ended = await StoredAsync(visitor.ConversationId);
            Assert.Equal((ConversationState.Ended, typeId), (ended.State, ended.SummaryTypeId));
        });

    private async Task<Conversation> StoredAsync(long conversationId)
    {
        await using var scope = app.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CustomerServiceDbContext>().Conversations.AsNoTracking()
            .SingleAsync(c => c.Id == conversationId);
    }
}
