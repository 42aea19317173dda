using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Colleagues;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Features.Colleagues;

/// <summary>SPEC F9 internal chat between agents.</summary>
public sealed class InternalChatServiceTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private int _li;
    private int _wang;
    private int _zhao;

    private InternalChatService Chat => _db.GetRequiredService<InternalChatService>();

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.AddEnterpriseAsync();
        _li = await _db.AddAccountAsync("li");
        _wang = await _db.AddAccountAsync("wang");
        _zhao = await _db.AddAccountAsync("zhao");
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task A_message_reaches_the_colleague_as_unread_and_opening_the_thread_reads_it()
    {
        await Chat.SendAsync(_li, _wang, "帮我看下 3 号访客");

        Assert.Equal(1, (await Chat.ColleaguesAsync(_wang)).Single(c => c.AccountId == _li).Unread);
        await Chat.MarkReadAsync(_wang, _li);
        Assert.Equal(0, (await Chat.ColleaguesAsync(_wang)).Single(c => c.AccountId == _li).Unread);
        Assert.Equal(["帮我看下 3 号访客"], (await Chat.ThreadAsync(_wang, _li)).Select(m => m.Text));
    }

    [Fact]
    public async Task A_thread_is_visible_only_to_its_two_people()
    {
        await Chat.SendAsync(_li, _wang, "私聊");

        Assert.Empty(await Chat.ThreadAsync(_zhao, _li));
        Assert.Empty(await Chat.ThreadAsync(_zhao, _wang));
    }

    [Theory]
    [InlineData("", "MessageEmpty")]
    [InlineData("   ", "MessageEmpty")]
    public async Task An_empty_message_is_refused_and_nothing_is_stored(string text, string code)
    {
        var sent = await Chat.SendAsync(_li, _wang, text);

        Assert.Equal(code, sent.Violation?.Code);
        await using var db = _db.NewContext();
        Assert.Empty(db.InternalMessages);
    }

    [Fact]
    public async Task Messages_to_oneself_or_to_an_unknown_account_are_refused()
    {
        Assert.Equal("InternalChatRecipientUnknown", (await Chat.SendAsync(_li, _li, "hi")).Violation?.Code);
        Assert.Equal("InternalChatRecipientUnknown", (await Chat.SendAsync(_li, 99_999, "hi")).Violation?.Code);
        await using var db = _db.NewContext();
        Assert.Equal(0, await db.InternalMessages.CountAsync());
    }
}
