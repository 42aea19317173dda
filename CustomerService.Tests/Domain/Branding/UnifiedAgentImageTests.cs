using CustomerService.Domain.Branding;

namespace CustomerService.Tests.Domain.Branding;

/// <summary>统一客服: each chosen item replaces the agent's own; what is not chosen stays the agent's.</summary>
public sealed class UnifiedAgentImageTests
{
    private static readonly AgentFace Real = new("客服小美", "/avatars/xiaomei.png", "有问必答");

    [Fact]
    public void Nothing_chosen_shows_the_agent_himself()
    {
        var image = new UnifiedAgentImage(new UnifiedAgentImageInput(false, "/api/branding/images/1", false, "官方客服", false, "竭诚为您服务", false));

        Assert.Equal(Real, image.Present(Real));
    }

    [Fact]
    public void Name_only_replaces_the_name_and_keeps_avatar_and_signature()
    {
        var image = new UnifiedAgentImage(new UnifiedAgentImageInput(false, "/api/branding/images/1", true, "官方客服", false, "竭诚为您服务", false));

        Assert.Equal(new AgentFace("官方客服", "/avatars/xiaomei.png", "有问必答"), image.Present(Real));
    }

    [Fact]
    public void All_items_chosen_show_the_enterprise_image()
    {
        var image = new UnifiedAgentImage(new UnifiedAgentImageInput(true, "/api/branding/images/1", true, " 官方客服 ", true, "竭诚为您服务", true));

        Assert.Equal(new AgentFace("官方客服", "/api/branding/images/1", "竭诚为您服务"), image.Present(Real));
        Assert.True(image.PopUpOnAgentMessage);
    }

    [Theory]
    [InlineData(true, null, false, null, false, null, "Required")]
    [InlineData(false, null, true, "  ", false, null, "Required")]
    [InlineData(false, null, false, null, true, "", "Required")]
    [InlineData(false, null, true, "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三", false, null, "TooLong")]
    [InlineData(true, "javascript:alert(1)", false, null, false, null, "UrlFormat")]
    [InlineData(true, "//evil.example/a.png", false, null, false, null, "UrlFormat")]
    public void A_chosen_item_needs_valid_content(bool avatar, string? avatarUrl, bool name, string? nameText, bool signature, string? signatureText, string code)
    {
        var input = new UnifiedAgentImageInput(avatar, avatarUrl, name, nameText, signature, signatureText, false);

        Assert.Equal(code, UnifiedAgentImage.Check(input)?.Code);
    }
}
