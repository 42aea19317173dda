using CustomerService.Domain.Phrases;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Settings.Phrases;
using CustomerService.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Features.Settings.Phrases;

/// <summary>SPEC F8 against a real database: limits, drafts and 立即生效, and personal phrases scoped to their owner.</summary>
public sealed class CannedPhraseServiceTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    private CannedPhraseService Service => _database.GetRequiredService<CannedPhraseService>();

    private CannedPhraseCatalog Catalog => _database.GetRequiredService<CannedPhraseCatalog>();

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Content_over_a_thousand_characters_is_refused_and_nothing_is_stored()
    {
        var group = await Service.CreateGroupAsync(PhraseOwner.Enterprise, "售后");

        var created = await Service.CreateAsync(PhraseOwner.Enterprise, group.Value, "长回复", new string('字', 1001));

        Assert.Equal("TooLong", created.Violation?.Code);
        Assert.Equal(["CannedPhrase.Content", 1000], created.Violation!.Arguments);
        await using var db = _database.NewContext();
        Assert.False(await db.CannedPhrases.AnyAsync());
    }

    [Fact]
    public async Task An_empty_title_is_refused_and_the_phrase_keeps_its_draft()
    {
        var id = await _database.AddPhraseAsync(PhraseOwner.Enterprise, "问候", "您好", publish: false);
        var phrase = (await Service.GetLibraryAsync(PhraseOwner.Enterprise)).Phrases.Single();

        var updated = await Service.UpdateAsync(PhraseOwner.Enterprise, id, phrase.GroupId, "  ", "新内容");

        Assert.Equal("Required", updated.Violation?.Code);
        await using var db = _database.NewContext();
        var stored = await db.CannedPhrases.SingleAsync();
        Assert.Equal(("问候", "您好"), (stored.Title, stored.Content));
    }

    [Fact]
    public async Task A_new_phrase_reaches_agents_only_after_it_is_published()
    {
        var agent = await _database.AddAccountAsync("sales1");
        await _database.AddPhraseAsync(PhraseOwner.Enterprise, "问候", publish: false);

        Assert.Empty((await Catalog.LoadAsync(agent)).Phrases);
        Assert.Equal(1, (await Service.GetLibraryAsync(PhraseOwner.Enterprise)).UnpublishedCount);

        Assert.Equal(1, await Service.PublishAllAsync(PhraseOwner.Enterprise));

        Assert.Equal(["问候"], (await Catalog.LoadAsync(agent)).Phrases.Select(p => p.Title));
        Assert.Equal(0, (await Service.GetLibraryAsync(PhraseOwner.Enterprise)).UnpublishedCount);
    }

    [Fact]
    public async Task Agents_keep_the_published_version_while_an_admin_edits_the_draft()
    {
        var agent = await _database.AddAccountAsync("sales1");
        var id = await _database.AddPhraseAsync(PhraseOwner.Enterprise, "问候", "您好");
        var groupId = (await Service.GetLibraryAsync(PhraseOwner.Enterprise)).Phrases.Single().GroupId;

        Assert.True((await Service.UpdateAsync(PhraseOwner.Enterprise, id, groupId, "问候语", "【开场】您好，欢迎光临！")).Succeeded);

        var seen = Assert.Single((await Catalog.LoadAsync(agent)).Phrases);
        Assert.Equal(("问候", "您好"), (seen.Title, seen.Content));
        var edited = Assert.Single((await Service.GetLibraryAsync(PhraseOwner.Enterprise)).Phrases);
        Assert.True(edited.HasUnpublishedChanges);
        Assert.Equal(("问候语", "问候"), (edited.Title, edited.PublishedTitle));

        await Service.PublishAllAsync(PhraseOwner.Enterprise);

        seen = Assert.Single((await Catalog.LoadAsync(agent)).Phrases);
        Assert.Equal(("问候语", "您好，欢迎光临！", "开场"), (seen.Title, seen.InsertionText, seen.Hint));
    }

    [Fact]
    public async Task An_agent_sees_enterprise_phrases_and_his_own_but_never_a_colleagues()
    {
        var sales1 = await _database.AddAccountAsync("sales1");
        var sales2 = await _database.AddAccountAsync("sales2");
        await _database.AddPhraseAsync(PhraseOwner.Enterprise, "企业问候");
        await _database.AddPhraseAsync(PhraseOwner.Personal(sales1), "小美的话术");
        await _database.AddPhraseAsync(PhraseOwner.Personal(sales2), "小丽的话术");

        var book1 = await Catalog.LoadAsync(sales1);
        var book2 = await Catalog.LoadAsync(sales2);

        Assert.Equal(["企业问候", "小美的话术"], book1.Phrases.Select(p => p.Title));
        Assert.Equal(["企业问候", "小丽的话术"], book2.Phrases.Select(p => p.Title));
        Assert.Empty(book2.Suggest("/小美", 10));
        Assert.Equal(["小丽的话术"], (await Service.GetLibraryAsync(PhraseOwner.Personal(sales2))).Phrases.Select(p => p.Title));
    }

    [Fact]
    public async Task An_agent_cannot_edit_delete_or_publish_a_colleagues_personal_phrase()
    {
        var sales1 = await _database.AddAccountAsync("sales1");
        var sales2 = await _database.AddAccountAsync("sales2");
        var phraseId = await _database.AddPhraseAsync(PhraseOwner.Personal(sales1), "小美的话术", "原文", publish: false);
        var groupId = (await Service.GetLibraryAsync(PhraseOwner.Personal(sales1))).Groups.Single().Id;
        var intruder = PhraseOwner.Personal(sales2);

        var updated = await Service.UpdateAsync(intruder, phraseId, groupId, "改掉", "改掉");
        var deleted = await Service.DeleteAsync(intruder, phraseId);
        var groupDeleted = await Service.DeleteGroupAsync(intruder, groupId);
        var published = await Service.PublishAllAsync(intruder);

        Assert.Equal("CannedPhraseMissing", updated.Violation?.Code);
        Assert.Equal("CannedPhraseMissing", deleted.Violation?.Code);
        Assert.Equal("PhraseGroupMissing", groupDeleted.Violation?.Code);
        Assert.Equal(0, published);
        await using var db = _database.NewContext();
        var stored = await db.CannedPhrases.SingleAsync();
        Assert.Equal(("小美的话术", "原文", false), (stored.Title, stored.Content, stored.IsPublished));
    }

    [Fact]
    public async Task A_phrase_cannot_be_filed_in_another_owners_group()
    {
        var sales1 = await _database.AddAccountAsync("sales1");
        var enterpriseGroup = await Service.CreateGroupAsync(PhraseOwner.Enterprise, "企业分组");

        var created = await Service.CreateAsync(PhraseOwner.Personal(sales1), enterpriseGroup.Value, "标题", "内容");

        Assert.Equal("PhraseGroupMissing", created.Violation?.Code);
        await using var db = _database.NewContext();
        Assert.False(await db.CannedPhrases.AnyAsync());
    }

    [Fact]
    public async Task Publishing_enterprise_phrases_leaves_personal_drafts_unpublished()
    {
        var sales1 = await _database.AddAccountAsync("sales1");
        await _database.AddPhraseAsync(PhraseOwner.Enterprise, "企业", publish: false);
        await _database.AddPhraseAsync(PhraseOwner.Personal(sales1), "个人", publish: false);

        Assert.Equal(1, await Service.PublishAllAsync(PhraseOwner.Enterprise));

        Assert.Equal(["企业"], (await Catalog.LoadAsync(sales1)).Phrases.Select(p => p.Title));
    }

    [Fact]
    public async Task A_group_that_holds_phrases_is_not_deleted()
    {
        await _database.AddPhraseAsync(PhraseOwner.Enterprise, "问候");
        var group = (await Service.GetLibraryAsync(PhraseOwner.Enterprise)).Groups.Single();

        var deleted = await Service.DeleteGroupAsync(PhraseOwner.Enterprise, group.Id);

        Assert.Equal("PhraseGroupNotEmpty", deleted.Violation?.Code);
        Assert.Single((await Service.GetLibraryAsync(PhraseOwner.Enterprise)).Groups);
    }

    [Fact]
    public async Task Group_names_are_unique_per_owner_only()
    {
        var sales1 = await _database.AddAccountAsync("sales1");
        Assert.True((await Service.CreateGroupAsync(PhraseOwner.Enterprise, "常用")).Succeeded);

        Assert.Equal("NameTaken", (await Service.CreateGroupAsync(PhraseOwner.Enterprise, " 常用 ")).Violation?.Code);
        Assert.True((await Service.CreateGroupAsync(PhraseOwner.Personal(sales1), "常用")).Succeeded);
    }

    [Fact]
    public async Task Deleting_a_published_phrase_removes_it_from_agents_at_once_and_announces_it()
    {
        var agent = await _database.AddAccountAsync("sales1");
        var id = await _database.AddPhraseAsync(PhraseOwner.Enterprise, "问候");
        var announced = new List<PhrasesChanged>();
        using var subscription = _database.GetRequiredService<ChangeFeed<PhrasesChanged>>().Subscribe(announced.Add);

        Assert.True((await Service.DeleteAsync(PhraseOwner.Enterprise, id)).Succeeded);

        Assert.Empty((await Catalog.LoadAsync(agent)).Phrases);
        Assert.Equal([new PhrasesChanged(PhraseOwner.Enterprise)], announced);
    }

    [Fact]
    public async Task A_deleted_account_takes_its_personal_phrases_with_it()
    {
        var sales1 = await _database.AddAccountAsync("sales1");
        await _database.AddPhraseAsync(PhraseOwner.Personal(sales1), "个人");

        await using (var db = _database.NewContext())
        {
            await db.Users.Where(u => u.Id == sales1).ExecuteDeleteAsync();
        }

        await using var check = _database.NewContext();
        Assert.False(await check.CannedPhrases.AnyAsync());
        Assert.False(await check.CannedPhraseGroups.AnyAsync());
    }
}
