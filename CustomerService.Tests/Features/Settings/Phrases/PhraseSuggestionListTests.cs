using Bunit;
using CustomerService.Domain.Phrases;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Settings.Phrases;
using Microsoft.AspNetCore.Components.Web;

namespace CustomerService.Tests.Features.Settings.Phrases;

/// <summary>The suggestion list under an input box (SPEC F6): hints shown, the text to insert shown, picks reported.</summary>
public sealed class PhraseSuggestionListTests : BunitTestBase
{
    private readonly List<PublishedPhrase> _picked = [];

    [Fact]
    public void Each_suggestion_shows_its_title_hint_source_and_the_text_that_would_be_inserted()
    {
        var returns = new PublishedPhraseBuilder().Titled("退货流程").WithContent("【退货】您好，请在订单页申请。").InGroup("售后").Build();
        var personal = new PublishedPhraseBuilder().Titled("我的问候").WithContent("您好呀").Personal().InGroup("常用").Build();

        var list = RenderList([returns, personal]);

        var items = list.FindAll("[data-testid=phrase-suggestion]");
        Assert.Equal(2, items.Count);
        Assert.Equal("退货流程", items[0].QuerySelector("[data-testid=phrase-suggestion-title]")!.TextContent);
        Assert.Equal("【退货】", items[0].QuerySelector("[data-testid=phrase-suggestion-hint]")!.TextContent);
        Assert.Equal("您好，请在订单页申请。", items[0].QuerySelector("[data-testid=phrase-suggestion-text]")!.TextContent);
        Assert.Contains($"{UiTexts.Chinese("Phrases.Enterprise")} · 售后", items[0].TextContent);
        Assert.Null(items[1].QuerySelector("[data-testid=phrase-suggestion-hint]"));
        Assert.Contains($"{UiTexts.Chinese("Phrases.Personal")} · 常用", items[1].TextContent);
    }

    [Fact]
    public async Task Clicking_a_suggestion_reports_that_phrase()
    {
        var first = new PublishedPhraseBuilder().Titled("甲").Build();
        var second = new PublishedPhraseBuilder().Titled("乙").Build();
        var list = RenderList([first, second]);

        await list.FindAll("[data-testid=phrase-suggestion]")[1].ClickAsync(new MouseEventArgs());

        Assert.Equal([second], _picked);
    }

    [Fact]
    public void The_keyboard_position_is_marked_on_one_suggestion()
    {
        var list = RenderList([new PublishedPhraseBuilder().Build(), new PublishedPhraseBuilder().Build()], activeIndex: 1);

        var selected = list.FindAll("[data-testid=phrase-suggestion]").Select(i => i.GetAttribute("aria-selected"));

        Assert.Equal(["false", "true"], selected);
    }

    [Fact]
    public void No_suggestions_render_nothing()
    {
        var list = RenderList([]);

        Assert.Empty(list.FindAll("[data-testid=phrase-suggestions]"));
    }

    private IRenderedComponent<PhraseSuggestionList> RenderList(IReadOnlyList<PublishedPhrase> suggestions, int activeIndex = -1) =>
        Render<PhraseSuggestionList>(parameters => parameters
            .Add(l => l.Suggestions, suggestions)
            .Add(l => l.ActiveIndex, activeIndex)
            .Add(l => l.OnPick, phrase => _picked.Add(phrase)));
}
