using System.Net;
using CustomerService.Domain.Notifications;
using CustomerService.Domain.Phrases;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Settings.Notifications;
using CustomerService.Web.Features.Settings.Phrases;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Settings;

/// <summary>
/// The personal console settings over HTTP (SPEC B: “settings — personal only” for every role), and the notification
/// badge in the top bar. Enterprise pages are covered by <c>PageAuthorizationTests</c>, which finds every /settings page.
/// </summary>
public sealed class ConsoleSettingsPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    public static TheoryData<string, string> PersonalPagesForEveryRole
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var login in new[] { "admin", "lead", "sales1", "qc" })
            {
                foreach (var page in new[] { "/me/phrases", "/me/chat-preferences", "/notifications" })
                {
                    data.Add(login, page);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(PersonalPagesForEveryRole))]
    public async Task Every_role_opens_its_personal_console_settings(string login, string page)
    {
        using var client = await app.SignInAsync(login);

        using var response = await client.GetAsync(page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("data-testid=\"access-denied\"", await response.ReadHtmlAsync());
    }

    [Fact]
    public async Task The_personal_phrase_page_shows_only_the_signed_in_agents_phrases()
    {
        var sales2 = await app.AccountIdAsync("sales2");
        await using (var scope = app.CreateScope())
        {
            var phrases = scope.ServiceProvider.GetRequiredService<CannedPhraseService>();
            var group = await phrases.CreateGroupAsync(PhraseOwner.Personal(sales2), "小丽的分组");
            await phrases.CreateAsync(PhraseOwner.Personal(sales2), group.Value, "小丽的秘密话术", "内容");
        }

        using var sales3 = await app.SignInAsync("sales3");
        using var owner = await app.SignInAsync("sales2");

        Assert.DoesNotContain("小丽的秘密话术", await (await sales3.GetAsync("/me/phrases")).ReadHtmlAsync());
        Assert.Contains("小丽的秘密话术", await (await owner.GetAsync("/me/phrases")).ReadHtmlAsync());
    }

    [Fact]
    public async Task The_top_bar_badge_counts_the_signed_in_accounts_unread_notices()
    {
        var sales3 = await app.AccountIdAsync("sales3");
        var admin = await app.AccountIdAsync("admin");
        await using (var scope = app.CreateScope())
        {
            var notices = scope.ServiceProvider.GetRequiredService<NoticeService>();
            await notices.PostAsync(admin, "售后例会", "下午三点。", NoticeTarget.Person(sales3));
            await notices.PostAsync(admin, "售后排班", "周末轮休。", NoticeTarget.Person(sales3));
        }

        using var recipient = await app.SignInAsync("sales3");
        using var other = await app.SignInAsync("qc");

        Assert.Contains("data-testid=\"notification-badge\" data-count=\"2\"", await recipient.GetStringAsync("/"));
        Assert.Contains("data-testid=\"notification-badge\" data-count=\"0\"", await other.GetStringAsync("/"));
        Assert.Contains("售后例会", await (await recipient.GetAsync("/notifications")).ReadHtmlAsync());
        Assert.DoesNotContain("售后例会", await (await other.GetAsync("/notifications")).ReadHtmlAsync());
    }
}
