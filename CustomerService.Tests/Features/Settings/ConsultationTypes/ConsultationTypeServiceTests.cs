using CustomerService.Domain.Conversations;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Settings.ConsultationTypes;

namespace CustomerService.Tests.Features.Settings.ConsultationTypes;

/// <summary>SPEC D10/K: the consultation type tree edited through the Domain rules, refusals changing nothing.</summary>
public sealed class ConsultationTypeServiceTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    private ConsultationTypeService Service => _database.GetRequiredService<ConsultationTypeService>();

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Types_are_added_under_parents_renamed_moved_and_drawn_depth_first()
    {
        var presale = (await Service.AddAsync(null, "售前")).Value;
        var aftersale = (await Service.AddAsync(null, "售后")).Value;
        var size = (await Service.AddAsync(presale, " 尺码 ")).Value;
        var refund = (await Service.AddAsync(presale, "退款")).Value;

        Assert.True((await Service.ChangeAsync(refund, "退款进度", aftersale)).Succeeded);

        var tree = await Service.TreeAsync();
        Assert.Equal(
            [
                new ConsultationTypeNode(presale, null, "售前", 0, true),
                new ConsultationTypeNode(size, presale, "尺码", 1, false),
                new ConsultationTypeNode(aftersale, null, "售后", 0, true),
                new ConsultationTypeNode(refund, aftersale, "退款进度", 1, false),
            ],
            tree);
    }

    [Fact]
    public async Task A_name_over_twenty_five_characters_is_refused_and_nothing_is_added()
    {
        var added = await Service.AddAsync(null, new string('类', 26));

        Assert.Equal("TooLong", added.Violation?.Code);
        Assert.Equal(["ConsultationType.Name", 25], added.Violation!.Arguments);
        Assert.Empty(await _database.StoredConsultationTypesAsync());
    }

    [Fact]
    public async Task Renaming_to_over_twenty_five_characters_is_refused_and_keeps_the_name()
    {
        var id = (await Service.AddAsync(null, "售前")).Value;

        var changed = await Service.ChangeAsync(id, new string('类', 26), null);

        Assert.Equal("TooLong", changed.Violation?.Code);
        Assert.Equal("售前", Assert.Single(await _database.StoredConsultationTypesAsync()).Name);
    }

    [Fact]
    public async Task The_fifty_first_type_is_refused_and_nothing_is_added()
    {
        await _database.AddConsultationTypesAsync(ConsultationTypeRules.MaxTypes);

        var added = await Service.AddAsync(null, "第五十一个");

        Assert.Equal("ConsultationTypeLimit", added.Violation?.Code);
        Assert.Equal(50, (await _database.StoredConsultationTypesAsync()).Count);
    }

    [Fact]
    public async Task Moving_a_type_under_its_own_descendant_is_refused_and_the_tree_is_unchanged()
    {
        var parent = (await Service.AddAsync(null, "售前")).Value;
        var child = (await Service.AddAsync(parent, "商品")).Value;
        var before = await _database.StoredConsultationTypesAsync();

        var moved = await Service.ChangeAsync(parent, "售前", child);

        Assert.Equal("ConsultationTypeCycle", moved.Violation?.Code);
        Assert.Equal(before, await _database.StoredConsultationTypesAsync());
    }

    [Fact]
    public async Task A_sibling_with_the_same_name_is_refused()
    {
        var parent = (await Service.AddAsync(null, "售前")).Value;
        await Service.AddAsync(parent, "商品");

        var added = await Service.AddAsync(parent, "商品");

        Assert.Equal("NameTaken", added.Violation?.Code);
        Assert.Equal(2, (await _database.StoredConsultationTypesAsync()).Count);
        Assert.True((await Service.AddAsync(null, "商品")).Succeeded);
    }

    [Fact]
    public async Task A_type_under_a_missing_parent_is_refused()
    {
        var added = await Service.AddAsync(999, "商品");

        Assert.Equal("ConsultationTypeMissing", added.Violation?.Code);
        Assert.Empty(await _database.StoredConsultationTypesAsync());
    }

    [Fact]
    public async Task Only_leaves_are_deleted()
    {
        var parent = (await Service.AddAsync(null, "售前")).Value;
        var child = (await Service.AddAsync(parent, "商品")).Value;

        Assert.Equal("ConsultationTypeHasChildren", (await Service.DeleteAsync(parent)).Violation?.Code);
        Assert.Equal(2, (await _database.StoredConsultationTypesAsync()).Count);

        Assert.True((await Service.DeleteAsync(child)).Succeeded);
        Assert.True((await Service.DeleteAsync(parent)).Succeeded);
        Assert.Empty(await _database.StoredConsultationTypesAsync());
    }

    [Fact]
    public void A_subtree_is_the_type_and_all_its_descendants()
    {
        ConsultationTypeNode[] nodes =
        [
            new(1, null, "甲", 0, true), new(2, 1, "乙", 1, true), new(3, 2, "丙", 2, false), new(4, null, "丁", 0, false),
        ];

        Assert.Equal(new HashSet<int> { 1, 2, 3 }, ConsultationTypeService.SubtreeOf(1, nodes));
    }
}
