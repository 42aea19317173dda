using CustomerService.Data;
using CustomerService.Domain.Conversations;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace CustomerService.Tests.Browser;

/// <summary>Issue 15: the demo shop's switch signs in a VIP customer, so a new user can try VIP routing (SPEC D2.7, E1).</summary>
[Collection(BrowserCollection.Name)]
public sealed class DemoShopVipTests(BrowserFixture browser, KestrelAppFactory app) : IClassFixture<KestrelAppFactory>
{
    [Fact]
    public async Task The_vip_switch_signs_the_member_in_and_his_conversation_is_vip()
    {
        var engine = app.Services.GetRequiredService<ConversationEngine>();
        var agent = await app.AccountIdAsync("sales2");
        await engine.AgentConnectedAsync(agent);
        await engine.SetStatusAsync(agent, AgentStatus.Online);

        await browser.RunAsync(app.BaseAddress, async page =>
        {
            await page.GotoAsync("/demo/shop/cart");
            await page.GetByTestId("demo-member-vip").ClickAsync();

            // Back on the page he was on, signed in; the switch holds on the next page too.
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/demo/shop/cart$"));
            await page.GotoAsync("/demo/shop/product");
            await Expect(page.GetByTestId("demo-member")).ToHaveAttributeAsync("data-vip", "true");
            await Expect(page.GetByTestId("demo-member")).ToContainTextAsync(DemoShopMember.UserName);
            await page.GetByTestId("widget-button").ClickAsync();
            var chat = page.FrameLocator("iframe[src*='/visitor/chat.html']");
            await chat.GetByTestId("visitor-input").FillAsync("会员有优惠吗？");
            await chat.GetByTestId("visitor-send").ClickAsync();
            await Expect(chat.Locator("[data-testid=visitor-message][data-sender=visitor][data-seq]")).ToHaveCountAsync(1);

            await using var db = app.Services.GetRequiredService<IDbContextFactory<CustomerServiceDbContext>>().CreateDbContext();
            var conversation = await db.Conversations.AsNoTracking().SingleAsync(c => c.AgentId == agent);
            var visitor = await db.Visitors.AsNoTracking().SingleAsync(v => v.Id == conversation.VisitorId);
            Assert.Equal((true, DemoShopMember.UserId, true), (conversation.IsVip, visitor.ExternalUserId, visitor.IsVip));

            await page.GetByTestId("demo-member-off").ClickAsync();
            await Expect(page.GetByTestId("demo-member")).ToHaveAttributeAsync("data-vip", "false");
        });
    }
}
