using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Settings.ChatWindow;

namespace CustomerService.Tests.Features.Settings.ChatWindow;

/// <summary>Upload limits of the chat window (SPEC D6): 1 MB / 2 MB until changed, within sane bounds.</summary>
public sealed class ChatWindowSettingsServiceTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    private ChatWindowSettingsService Service => _database.GetRequiredService<ChatWindowSettingsService>();

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_new_enterprise_has_the_spec_limits()
    {
        Assert.Equal(new UploadLimitValues(1024, 2048), await Service.GetUploadLimitsAsync());
    }

    [Fact]
    public async Task Saved_limits_are_read_back()
    {
        Assert.True((await Service.SaveUploadLimitsAsync(new UploadLimitValues(512, 8192))).Succeeded);

        Assert.Equal(new UploadLimitValues(512, 8192), await Service.GetUploadLimitsAsync());
    }

    [Theory]
    [InlineData(0, 2048)]
    [InlineData(10241, 2048)]
    [InlineData(1024, 20481)]
    public async Task Limits_out_of_range_are_refused_and_nothing_changes(int imageKb, int fileKb)
    {
        var outcome = await Service.SaveUploadLimitsAsync(new UploadLimitValues(imageKb, fileKb));

        Assert.Equal("Range", outcome.Violation?.Code);
        Assert.Equal(new UploadLimitValues(1024, 2048), await Service.GetUploadLimitsAsync());
    }

    [Fact]
    public async Task Faq_entries_are_listed_in_the_order_added_and_can_be_changed_and_deleted()
    {
        await Service.AddFaqAsync("多久发货？", "付款后 24 小时内发货。");
        await Service.AddFaqAsync("支持退货吗？", "7 天无理由退货。");
        var first = (await Service.ListFaqAsync())[0];

        await Service.ChangeFaqAsync(first.Id, "多久发货？", "付款后 48 小时内发货。");
        await Service.DeleteFaqAsync((await Service.ListFaqAsync())[1].Id);

        Assert.Equal([("多久发货？", "付款后 48 小时内发货。")], (await Service.ListFaqAsync()).Select(f => (f.Question, f.Answer)));
    }

    [Theory]
    [InlineData("", "答案", "Required")]
    [InlineData("问题", " ", "Required")]
    [InlineData("问题", null, "Required")]
    public async Task A_faq_entry_without_question_or_answer_is_refused_and_nothing_is_stored(string? question, string? answer, string code)
    {
        var outcome = await Service.AddFaqAsync(question, answer);

        Assert.Equal(code, outcome.Violation?.Code);
        Assert.Empty(await Service.ListFaqAsync());
    }

    [Fact]
    public async Task An_over_long_answer_is_refused()
    {
        Assert.Equal("TooLong", (await Service.AddFaqAsync("问题", new string('答', 1001))).Violation?.Code);
    }

    [Theory]
    [InlineData("会员", null, null, "CustomTabEmpty")]
    [InlineData("会员权益与积分介绍", "x", null, "TooLong")]
    [InlineData("会员", null, "javascript:alert(1)", "UrlFormat")]
    [InlineData(null, "无标题的内容", null, "Required")]
    public async Task A_bad_custom_tab_is_refused_and_nothing_changes(string? title, string? text, string? url, string code)
    {
        var outcome = await Service.SaveCustomTabAsync(new CustomTabValues(title, text, url));

        Assert.Equal(code, outcome.Violation?.Code);
        Assert.Equal(new CustomTabValues(null, null, null), await Service.GetCustomTabAsync());
    }

    [Fact]
    public async Task A_custom_tab_is_saved_and_an_empty_title_removes_it()
    {
        Assert.True((await Service.SaveCustomTabAsync(new CustomTabValues("会员", "积分可抵现金。", "https://shop.example.com/vip"))).Succeeded);
        Assert.Equal(new CustomTabValues("会员", "积分可抵现金。", "https://shop.example.com/vip"), await Service.GetCustomTabAsync());

        Assert.True((await Service.SaveCustomTabAsync(new CustomTabValues(null, null, null))).Succeeded);
        Assert.Equal(new CustomTabValues(null, null, null), await Service.GetCustomTabAsync());
    }
}
