using CustomerService.Domain.Records;
using CustomerService.Domain.Visitors;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Records;

namespace CustomerService.Tests.Features.Records;

/// <summary>常用搜索 (SPEC G1): each account's own saved searches; bad input and other accounts' searches change nothing.</summary>
public sealed class SavedRecordSearchTests : IAsyncLifetime
{
    private static readonly RecordFilter Refunds = new() { Keyword = "退款", Vip = true, Terminal = Terminal.WeChat, Rating = RatingFilter.Unrated };

    private TestDatabase _db = null!;
    private DemoTeam _team = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(services => services.AddRecordsFeature());
        _team = await DemoTeam.AddToAsync(_db);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private SavedRecordSearches Saved => _db.GetRequiredService<SavedRecordSearches>();

    [Fact]
    public async Task A_saved_search_comes_back_with_its_list_and_every_filter()
    {
        var id = (await Saved.SaveAsync(_team.Sales1, "  退款VIP ", new SavedSearchContent(RecordList.Purchased, Refunds))).Value;

        var item = Assert.Single(await Saved.ListAsync(_team.Sales1));
        Assert.Equal((id, "退款VIP"), (item.Id, item.Name));
        var applied = await Saved.GetAsync(_team.Sales1, id);
        Assert.Equal(new SavedSearchContent(RecordList.Purchased, Refunds), applied.Value);
    }

    [Fact]
    public async Task Renaming_and_deleting_change_only_that_search()
    {
        var first = (await Saved.SaveAsync(_team.Sales1, "甲", new SavedSearchContent(RecordList.All, Refunds))).Value;
        await Saved.SaveAsync(_team.Sales1, "乙", new SavedSearchContent(RecordList.Valid, new RecordFilter()));

        Assert.True((await Saved.RenameAsync(_team.Sales1, first, "丙")).Succeeded);
        Assert.Equal(["丙", "乙"], (await Saved.ListAsync(_team.Sales1)).Select(s => s.Name));
        Assert.True((await Saved.DeleteAsync(_team.Sales1, first)).Succeeded);
        Assert.Equal(["乙"], (await Saved.ListAsync(_team.Sales1)).Select(s => s.Name));
    }

    [Theory]
    [InlineData("""{"List":"Retired","Filter":{}}""")]
    [InlineData("""{"List":"All","Filter":{"Keyword":"退"}}""")]
    [InlineData("not json")]
    public async Task A_saved_search_that_no_longer_reads_is_said_and_stays_listed_for_deleting(string stored)
    {
        // Written by an earlier version: an enum value since renamed, a filter the search now refuses, a damaged row.
        await using (var db = _db.NewContext())
        {
            db.SavedRecordSearches.Add(SavedRecordSearch.Create(_team.Sales1, "旧的", stored, DateTime.UtcNow).Value!);
            await db.SaveChangesAsync();
        }

        var item = Assert.Single(await Saved.ListAsync(_team.Sales1));
        var applied = await Saved.GetAsync(_team.Sales1, item.Id);

        Assert.Equal("Records.SavedSearch.Unreadable", applied.Violation?.Code);
        Assert.True((await Saved.DeleteAsync(_team.Sales1, item.Id)).Succeeded);
    }

    [Theory]
    [InlineData("", "Records.SavedSearch.NameRequired")]
    [InlineData("   ", "Records.SavedSearch.NameRequired")]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一", "Records.SavedSearch.NameTooLong")]
    [InlineData("已有", "Records.SavedSearch.NameTaken")]
    public async Task A_bad_name_is_refused_and_nothing_is_saved(string name, string code)
    {
        await Saved.SaveAsync(_team.Sales1, "已有", new SavedSearchContent(RecordList.All, new RecordFilter()));

        var saved = await Saved.SaveAsync(_team.Sales1, name, new SavedSearchContent(RecordList.All, Refunds));

        Assert.Equal(code, saved.Violation?.Code);
        Assert.Equal(["已有"], (await Saved.ListAsync(_team.Sales1)).Select(s => s.Name));
    }

    [Fact]
    public async Task A_search_the_records_would_refuse_is_not_saved()
    {
        var saved = await Saved.SaveAsync(_team.Sales1, "短", new SavedSearchContent(RecordList.All, new RecordFilter { Keyword = "退" }));

        Assert.Equal("RecordKeywordLength", saved.Violation?.Code);
        Assert.Empty(await Saved.ListAsync(_team.Sales1));
    }

    [Fact]
    public async Task Renaming_to_a_taken_or_empty_name_keeps_the_old_one()
    {
        var id = (await Saved.SaveAsync(_team.Sales1, "甲", new SavedSearchContent(RecordList.All, Refunds))).Value;
        await Saved.SaveAsync(_team.Sales1, "乙", new SavedSearchContent(RecordList.All, Refunds));

        Assert.Equal("Records.SavedSearch.NameTaken", (await Saved.RenameAsync(_team.Sales1, id, "乙")).Violation?.Code);
        Assert.Equal("Records.SavedSearch.NameRequired", (await Saved.RenameAsync(_team.Sales1, id, " ")).Violation?.Code);
        Assert.Equal(["乙", "甲"], (await Saved.ListAsync(_team.Sales1)).Select(s => s.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Another_accounts_saved_search_is_not_found_and_stays_as_it_was()
    {
        var id = (await Saved.SaveAsync(_team.Sales1, "我的", new SavedSearchContent(RecordList.All, Refunds))).Value;

        Assert.Equal("Records.SavedSearch.NotFound", (await Saved.GetAsync(_team.Sales2, id)).Violation?.Code);
        Assert.Equal("Records.SavedSearch.NotFound", (await Saved.RenameAsync(_team.Admin, id, "他的")).Violation?.Code);
        Assert.Equal("Records.SavedSearch.NotFound", (await Saved.DeleteAsync(_team.Admin, id)).Violation?.Code);
        Assert.Empty(await Saved.ListAsync(_team.Sales2));
        Assert.Equal(["我的"], (await Saved.ListAsync(_team.Sales1)).Select(s => s.Name));
    }

    [Fact]
    public async Task The_same_name_may_be_used_by_two_accounts()
    {
        Assert.True((await Saved.SaveAsync(_team.Sales1, "退款", new SavedSearchContent(RecordList.All, Refunds))).Succeeded);
        Assert.True((await Saved.SaveAsync(_team.Sales2, "退款", new SavedSearchContent(RecordList.All, Refunds))).Succeeded);
    }
}
