using System.Net;
using CustomerService.Domain.Conversations;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Settings.AutoReplies;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Settings.AutoReplies;

/// <summary>
/// 个人设置 “自动应答” over HTTP (SPEC D8, seed 002): every role edits its own texts with the enterprise text as the
/// placeholder, and reads a note instead of a form while the enterprise forces its texts.
/// </summary>
public sealed class PersonalAutoRepliesPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("admin")]
    [InlineData("lead")]
    [InlineData("sales1")]
    [InlineData("qc")]
    public async Task Every_role_opens_its_personal_auto_replies(string login)
    {
        using var client = await app.SignInAsync(login);

        using var response = await client.GetAsync("/me/auto-replies");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.ReadHtmlAsync();
        Assert.Contains("data-testid=\"personal-auto-reply-welcome\"", html);
        Assert.Contains("href=\"/me/auto-replies\"", html);
    }

    [Fact]
    public async Task The_enterprise_text_is_the_placeholder_and_forcing_it_locks_the_form_with_a_note()
    {
        await using var scope = app.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<AutoReplyService>();
        var enterprise = await service.GetEnterpriseAsync();
        using var sales = await app.SignInAsync("sales2");

        await service.SaveEnterpriseAsync(enterprise with { Texts = enterprise.Texts with { Welcome = "欢迎光临演示商城" } });
        var editable = await (await sales.GetAsync("/me/auto-replies")).ReadHtmlAsync();
        await service.SaveEnterpriseAsync(enterprise with { ForceEnterpriseTexts = true });
        var forced = await (await sales.GetAsync("/me/auto-replies")).ReadHtmlAsync();
        await service.SaveEnterpriseAsync(enterprise);

        Assert.Contains("placeholder=\"欢迎光临演示商城\"", editable);
        Assert.DoesNotContain("data-testid=\"personal-auto-reply-forced\"", editable);
        Assert.Contains("data-testid=\"personal-auto-reply-save\"", editable);
        Assert.Contains("data-testid=\"personal-auto-reply-forced\"", forced);
        Assert.Contains(UiTexts.Chinese("PersonalAutoReplies.Forced"), forced);
        Assert.DoesNotContain("data-testid=\"personal-auto-reply-save\"", forced);
    }
}
