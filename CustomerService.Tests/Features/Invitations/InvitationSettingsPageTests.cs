using Bunit;
using CustomerService.Domain.Invitations;
using CustomerService.Domain.Organisation;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Invitations;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Invitations;

/// <summary>设置 → 主动邀请 (/settings/invitations): a save is stored; a bad value is refused, localized, and changes nothing.</summary>
public sealed class InvitationSettingsPageTests : BunitTestBase
{
    private async Task<(TestDatabase Db, IRenderedComponent<InvitationSettingsPage> Page)> RenderAsync()
    {
        var db = await TestDatabase.CreateAsync();
        Services.AddSingleton(db.GetRequiredService<InvitationSettingsService>());
        SignInAs(AccountRole.Admin, accountId: 1);
        var page = Render<InvitationSettingsPage>();
        page.WaitForElement("[data-testid=invitation-settings-save]");
        return (db, page);
    }

    private static async Task<InvitationSettings> StoredAsync(TestDatabase db)
    {
        await using var context = db.NewContext();
        return await context.InvitationSettings.AsNoTracking().SingleAsync();
    }

    [Fact]
    public async Task Saving_stores_the_text_the_answer_time_and_the_automatic_rule()
    {
        var (db, page) = await RenderAsync();
        await using var _ = db;

        page.Find("[data-testid=invitation-default-text]").Change("您好，新品上市，欢迎咨询！");
        page.Find("[data-testid=invitation-lifetime]").Change("90");
        page.Find("[data-testid=invitation-auto-enabled]").Change(true);
        page.Find("[data-testid=invitation-auto-page]").Change("/cart");
        page.Find("[data-testid=invitation-auto-after]").Change("20");
        await page.Find("[data-testid=invitation-settings-save]").ClickAsync(new MouseEventArgs());

        var stored = await StoredAsync(db);
        Assert.Equal(90, stored.LifetimeSeconds);
        Assert.Equal("您好，新品上市，欢迎咨询！", stored.DefaultText);
        Assert.True(stored.AutoInviteEnabled);
        Assert.Equal("/cart", stored.AutoInvitePageContains);
        Assert.Equal(20, stored.AutoInviteAfterSeconds);
        Assert.Empty(page.FindAll("[data-testid=invitation-settings-error]"));
    }

    [Fact]
    public async Task An_answer_time_out_of_range_is_refused_with_a_localized_message_and_nothing_is_stored()
    {
        var (db, page) = await RenderAsync();
        await using var _ = db;

        page.Find("[data-testid=invitation-default-text]").Change("改过的邀请语");
        page.Find("[data-testid=invitation-lifetime]").Change("5");
        await page.Find("[data-testid=invitation-settings-save]").ClickAsync(new MouseEventArgs());

        Assert.Equal("邀请有效时间（秒）必须在 10 到 600 之间。", page.WaitForElement("[data-testid=invitation-settings-error]").TextContent.Trim());
        var stored = await StoredAsync(db);
        Assert.Equal(60, stored.LifetimeSeconds);
        Assert.Equal("您好，有什么可以帮您的吗？点击接受即可与我在线交流。", stored.DefaultText);
    }
}
