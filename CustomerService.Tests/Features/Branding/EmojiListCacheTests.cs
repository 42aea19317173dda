using CustomerService.Domain.Branding;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Branding;

namespace CustomerService.Tests.Features.Branding;

/// <summary>The pickers' emoji list is read once per lifetime; every change through the catalog shows at once.</summary>
public sealed class EmojiListCacheTests
{
    [Fact]
    public async Task The_list_is_cached_and_every_change_shows_at_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        var catalog = database.GetRequiredService<EmojiCatalog>();
        var faces = (await catalog.CreateGroupAsync("表情")).Value;
        Assert.Equal(["表情"], (await catalog.ListAsync()).Select(g => g.Name));

        // Written behind the catalog's back (another node): this node keeps its list for the lifetime.
        await using (var db = database.NewContext())
        {
            db.EmojiGroups.Add(new EmojiGroup("别处"));
            await db.SaveChangesAsync();
        }

        Assert.Equal(["表情"], (await catalog.ListAsync()).Select(g => g.Name));

        var png = UploadSamples.Png();
        Assert.True((await catalog.AddImageAsync(faces, new MemoryStream(png), "笑.png", png.Length)).Succeeded);
        var groups = await catalog.ListAsync();
        Assert.Equal(["表情", "别处"], groups.Select(g => g.Name));
        var smile = Assert.Single(groups[0].Emoji);
        Assert.Equal("笑", smile.Name);

        Assert.True((await catalog.DeleteAsync(smile.Id)).Succeeded);
        Assert.Empty((await catalog.ListAsync())[0].Emoji);

        await using (var db = database.NewContext())
        {
            db.EmojiGroups.Add(new EmojiGroup("又一个"));
            await db.SaveChangesAsync();
        }

        database.Clock.Advance(EmojiCatalog.ListLifetime);
        Assert.Equal(["表情", "别处", "又一个"], (await catalog.ListAsync()).Select(g => g.Name));
    }
}
