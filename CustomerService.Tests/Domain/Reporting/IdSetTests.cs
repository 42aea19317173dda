using CustomerService.Domain.Reporting;

namespace CustomerService.Tests.Domain.Reporting;

/// <summary>The id set behind the distinct unions counts each id once, whatever its size or sign.</summary>
public sealed class IdSetTests
{
    [Fact]
    public void Each_id_counts_once_at_word_edges_and_for_negative_ids()
    {
        var set = new IdSet();

        set.UnionWith([0, 63, 64, 63, 1_000_000, -1, -1, -7, 0]);

        Assert.Equal(6, set.Count);
        Assert.All(new[] { 0, 63, 64, 1_000_000, -1, -7 }, id => Assert.True(set.Contains(id)));
        Assert.All(new[] { 1, 62, 65, 999_999, 1_000_001, -2, int.MaxValue }, id => Assert.False(set.Contains(id)));
    }

    [Fact]
    public void A_set_growing_past_the_small_limit_keeps_every_id_it_held_and_counts_on()
    {
        var set = new IdSet();
        set.UnionWith([-3, 5, 5]);
        set.UnionWith([.. Enumerable.Range(10, IdSet.SmallLimit)]);

        // -3, 5 and 10 … 4105: the last id added turned the set into a bitmap.
        Assert.Equal(IdSet.SmallLimit + 2, set.Count);
        set.UnionWith([-3, 5, 4105, -4, 4106]);
        Assert.Equal(IdSet.SmallLimit + 4, set.Count);
        Assert.All(new[] { -4, -3, 5, 10, 4105, 4106 }, id => Assert.True(set.Contains(id)));
        // 0 was never added; ids just past the bitmap's end, or far beyond it, are not held either.
        Assert.All(new[] { -2, 0, 4, 9, 4107, 4159, 4160, 4161, 1_000_000, int.MaxValue }, id => Assert.False(set.Contains(id)));
        set.Add(0);
        Assert.True(set.Contains(0));
    }

    [Fact]
    public void An_empty_set_holds_nothing()
    {
        var set = new IdSet();

        Assert.Equal(0, set.Count);
        Assert.False(set.Contains(0));
        Assert.False(set.Contains(-1));
        Assert.Throws<ArgumentNullException>(() => set.UnionWith(null!));
    }

    [Fact]
    public void Unions_in_any_order_count_as_a_hash_set_does()
    {
        var random = new Random(20261201);
        var set = new IdSet();
        var reference = new HashSet<int>();
        for (var round = 0; round < 50; round++)
        {
            var ids = Enumerable.Range(0, 400).Select(_ => random.Next(-50, 300_000)).ToList();
            set.UnionWith(ids);
            reference.UnionWith(ids);
            Assert.Equal(reference.Count, set.Count);
        }

        Assert.All(reference, id => Assert.True(set.Contains(id)));
    }
}
