using CustomerService.Data;
using CustomerService.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Demo;

/// <summary>
/// Issue 15: the first things a new agent tries in the demo are not empty — 常用语 (with a 【提示】 and a /keyword), a
/// two-level 咨询总结 type tree, and an enterprise with a name and logo instead of 「我的企业」.
/// </summary>
public sealed class DemoContentTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_demo_has_published_enterprise_phrases_with_a_hint()
    {
        await using var scope = app.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerServiceDbContext>();

        var phrases = await db.CannedPhrases.AsNoTracking().Include(p => p.Group).ToListAsync();

        Assert.Contains(phrases, p => p.Group!.OwnerAccountId == null && p.PublishedTitle == "稍等" && p.PublishedContent!.StartsWith("【", StringComparison.Ordinal));
        Assert.Contains(phrases, p => p.PublishedTitle == "发货");
        Assert.All(phrases, p => Assert.NotNull(p.PublishedContent));
    }

    [Fact]
    public async Task The_demo_has_a_two_level_consultation_type_tree()
    {
        await using var scope = app.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerServiceDbContext>();

        var types = await db.ConsultationTypes.AsNoTracking().ToListAsync();
        var parent = types.Single(t => t.Name == "售后服务");

        Assert.Null(parent.ParentId);
        Assert.Equal(["换货", "质量问题", "退货退款"], types.Where(t => t.ParentId == parent.Id).Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_demo_enterprise_has_a_name_and_a_logo_that_is_served()
    {
        await using var scope = app.CreateScope();
        var profile = await scope.ServiceProvider.GetRequiredService<CustomerServiceDbContext>().EnterpriseProfiles.AsNoTracking().SingleAsync();

        Assert.Equal(("演示商城", "/demo/logo.svg"), (profile.CompanyName, profile.LogoUrl));
        using var logo = await app.CreateClient().GetAsync(profile.LogoUrl);
        Assert.Equal("image/svg+xml", logo.Content.Headers.ContentType?.MediaType);
    }
}
