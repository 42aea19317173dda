using Bunit;
using CustomerService.Domain.Organisation;
using CustomerService.Domain.Phrases;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Console;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace CustomerService.Tests.Features.Console;

/// <summary>The console's message box (SPEC F6, F8, F11): canned phrases by suggestion and /keyword, and the send key.</summary>
public sealed class MessageComposerTests : BunitTestBase
{
    private const string Hinted = "【退货】您好，请在订单页申请退货，我们会尽快处理。";
    private const string Inserted = "您好，请在订单页申请退货，我们会尽快处理。";

    private readonly List<string> _sent = [];
    private readonly PhraseBook _book = new([
        new PublishedPhraseBuilder().Titled("退货").WithContent(Hinted).Build(),
        new PublishedPhraseBuilder().Titled("退款").WithContent("退款会在三个工作日内原路返回。").Build(),
        new PublishedPhraseBuilder().Titled("问候").WithContent("您好，很高兴为您服务！").Build(),
    ]);

    [Fact]
    public async Task Slash_keyword_and_the_send_key_insert_the_phrase_without_its_hint_and_send_nothing()
    {
        var composer = Render(SendKey.Enter);

        await Input(composer).InputAsync(new ChangeEventArgs { Value = "/退货" });
        await Input(composer).KeyDownAsync(new KeyboardEventArgs { Key = "Enter" });

        Assert.Equal(Inserted, Input(composer).GetAttribute("value"));
        Assert.Empty(_sent);
        Assert.Empty(composer.FindAll("[data-testid=phrase-suggestion]"));
    }

    [Fact]
    public async Task Clicking_a_suggestion_puts_its_text_in_the_box_instead_of_what_was_typed()
    {
        var composer = Render(SendKey.Enter);

        await Input(composer).InputAsync(new ChangeEventArgs { Value = "订单页" });
        var suggestion = composer.Find("[data-testid=phrase-suggestion]");
        Assert.Contains("【退货】", suggestion.TextContent);
        await suggestion.ClickAsync(new MouseEventArgs());

        Assert.Equal(Inserted, Input(composer).GetAttribute("value"));
        Assert.DoesNotContain("【", Input(composer).GetAttribute("value"));
    }

    [Fact]
    public async Task An_ambiguous_keyword_opens_the_choice_and_the_arrow_keys_pick_the_phrase()
    {
        var composer = Render(SendKey.Enter);

        await Input(composer).InputAsync(new ChangeEventArgs { Value = "/退" });
        await Input(composer).KeyDownAsync(new KeyboardEventArgs { Key = "ArrowDown" });
        await Input(composer).KeyDownAsync(new KeyboardEventArgs { Key = "Enter" });

        Assert.Equal("退款会在三个工作日内原路返回。", Input(composer).GetAttribute("value"));
        Assert.Empty(_sent);
    }

    [Fact]
    public async Task Enter_sends_plain_text_and_empties_the_box()
    {
        var composer = Render(SendKey.Enter);

        await Input(composer).InputAsync(new ChangeEventArgs { Value = "马上为您查询" });
        await Input(composer).KeyDownAsync(new KeyboardEventArgs { Key = "Enter" });

        Assert.Equal(["马上为您查询"], _sent);
        Assert.Equal(string.Empty, Input(composer).GetAttribute("value"));
    }

    [Fact]
    public async Task With_ctrl_enter_as_send_key_a_plain_enter_does_not_send()
    {
        var composer = Render(SendKey.CtrlEnter);

        await Input(composer).InputAsync(new ChangeEventArgs { Value = "第一行" });
        await Input(composer).KeyDownAsync(new KeyboardEventArgs { Key = "Enter" });
        Assert.Empty(_sent);

        await Input(composer).KeyDownAsync(new KeyboardEventArgs { Key = "Enter", CtrlKey = true });
        Assert.Equal(["第一行"], _sent);
    }

    [Fact]
    public async Task The_enter_that_confirms_a_chinese_input_method_candidate_does_not_send()
    {
        var composer = Render(SendKey.Enter);

        await Input(composer).InputAsync(new ChangeEventArgs { Value = "ni hao" });
        await Input(composer).KeyDownAsync(new KeyboardEventArgs { Key = "Enter", IsComposing = true });

        Assert.Empty(_sent);
    }

    private IRenderedComponent<MessageComposer> Render(SendKey sendKey) =>
        Render<MessageComposer>(p => p
            .Add(c => c.ConversationId, 1)
            .Add(c => c.Book, _book)
            .Add(c => c.SendKey, sendKey)
            .Add(c => c.OnSend, text => _sent.Add(text)));

    private static AngleSharp.Dom.IElement Input(IRenderedComponent<MessageComposer> composer) => composer.Find("[data-testid=message-input]");
}
