using System.Linq.Expressions;
using System.Reflection;
using CustomerService.Domain.Reporting;

namespace CustomerService.Web.Features.Reporting.Rollups;

/// <summary>What rollup sums are grouped by: an agent's or reception group's id, or none (<c>null</c>).</summary>
public readonly record struct RowKey(int? Id);

/// <summary>Sums of rollup rows with the key they were grouped by (an agent, a reception group or none; a day).</summary>
public sealed class KeyedRollupTotals<TKey> : RollupTotals
{
    public TKey Key { get; set; } = default!;
}

/// <summary>
/// Sums rollup rows in SQL: one <c>SUM</c> per counter (the longest queue wait: <c>MAX</c>), written once from the
/// counters of <see cref="RollupTotals"/> so a counter added there is summed here without another line.
/// </summary>
public static class RollupSums
{
    /// <summary>The counters: every public settable number of <see cref="RollupTotals"/>.</summary>
    public static IReadOnlyList<PropertyInfo> Counters { get; } = typeof(RollupTotals)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanWrite && (p.PropertyType == typeof(long) || p.PropertyType == typeof(decimal)))
        .ToList();

    /// <summary>The SQL projection; declared after <see cref="Counters"/>, which it reads while it is built.</summary>
    public static Expression<Func<IGrouping<int?, RollupRow>, KeyedRollupTotals<int?>>> ByKey { get; } = Build<int?>();

    /// <summary>The same, for rows grouped by their local day.</summary>
    public static Expression<Func<IGrouping<DateOnly, RollupRow>, KeyedRollupTotals<DateOnly>>> ByDay { get; } = Build<DateOnly>();

    /// <summary>Adds rows in memory the way the SQL does.</summary>
    public static Dictionary<RowKey, RollupTotals> InMemory(IEnumerable<RollupRow> rows, Func<RollupRow, int?> key)
    {
        var sums = new Dictionary<RowKey, RollupTotals>();
        foreach (var group in rows.GroupBy(r => new RowKey(key(r))))
        {
            sums[group.Key] = RollupTotals.Sum(group);
        }

        return sums;
    }

    private static Expression<Func<IGrouping<TKey, RollupRow>, KeyedRollupTotals<TKey>>> Build<TKey>()
    {
        var group = Expression.Parameter(typeof(IGrouping<TKey, RollupRow>), "g");
        var bindings = new List<MemberBinding>
        {
            Expression.Bind(typeof(KeyedRollupTotals<TKey>).GetProperty(nameof(KeyedRollupTotals<TKey>.Key))!, Expression.Property(group, "Key")),
        };
        foreach (var counter in Counters)
        {
            var row = Expression.Parameter(typeof(RollupRow), "r");
            var selector = Expression.Lambda(Expression.Property(row, counter), row);
            var aggregate = counter.Name == nameof(RollupTotals.QueueMaxWaitMilliseconds) ? "Max" : "Sum";
            var call = Expression.Call(typeof(Enumerable), aggregate, [typeof(RollupRow)], group, selector);
            bindings.Add(Expression.Bind(typeof(KeyedRollupTotals<TKey>).GetProperty(counter.Name)!, call));
        }

        return Expression.Lambda<Func<IGrouping<TKey, RollupRow>, KeyedRollupTotals<TKey>>>(
            Expression.MemberInit(Expression.New(typeof(KeyedRollupTotals<TKey>)), bindings), group);
    }
}
