using System.Text.RegularExpressions;
using CustomerService.Tests.Infrastructure;

namespace CustomerService.Tests.Features.Localization;

/// <summary>
/// Issue 15: MudBlazor's own texts (the pager's 「Rows per page … 0-0 of 0」, close and clear buttons, loading) are in the
/// reader's language too. The pages are read as the server renders them for an admin in 简体中文 and scanned for
/// MudBlazor's English.
/// </summary>
public sealed partial class MudBlazorTextsTests(AppFactory app) : IClassFixture<AppFactory>
{
    public static TheoryData<string> Pages => new()
    {
        "/leave-messages", "/kpi/orders", "/kpi", "/records", "/records/exports", "/crm", "/qc", "/settings/accounts",
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_chinese_page_shows_none_of_mudblazors_english(string page)
    {
        using var client = await app.SignInAsync("admin");

        var html = await (await client.GetAsync(page)).ReadHtmlAsync();

        Assert.DoesNotMatch(MudEnglish(), html);
    }

    [Fact]
    public async Task The_leave_message_pager_reads_in_chinese()
    {
        using var client = await app.SignInAsync("admin");

        var html = await (await client.GetAsync("/leave-messages")).ReadHtmlAsync();

        Assert.Contains(UiTexts.Chinese("Mud.RowsPerPage"), html);
        Assert.Contains("共 0 条", html);
    }

    [Fact]
    public void The_blacklist_help_names_the_consoles_button_as_it_reads()
    {
        // Issue 15: the help said 【阻止】 while the button says 拉黑.
        Assert.Contains($"【{UiTexts.Chinese("Console.Blacklist")}】", UiTexts.Chinese("Blacklist.Intro"));
        Assert.Contains($"【{UiTexts.English("Console.Blacklist")}】", UiTexts.English("Blacklist.Intro"));
    }

    [GeneratedRegex(@"Rows per page|\b\d+-\d+ of \d+\b|aria-label=""(Close|Clear|First page|Previous page|Next page|Last page|Select all)""|>Loading\.\.\.<")]
    private static partial Regex MudEnglish();
}
