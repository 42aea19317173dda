using System.Collections.Immutable;

namespace CustomerService.Domain.Routing;

/// <summary>
/// Smooth weighted round-robin state for one reception group: the current weight per agent id. An agent belongs to one
/// tier of a group, so one map per group also keeps tiers apart. Immutable so the routing choice stays a pure function;
/// losing it (restart) only restarts the smoothing, it never breaks routing.
/// </summary>
public sealed record RoundRobinState
{
    public static RoundRobinState Empty { get; } = new(ImmutableSortedDictionary<int, int>.Empty);

    private readonly ImmutableSortedDictionary<int, int> _currentWeights;

    private RoundRobinState(ImmutableSortedDictionary<int, int> currentWeights) => _currentWeights = currentWeights;

    public IReadOnlyDictionary<int, int> CurrentWeights => _currentWeights;

    /// <summary>Rebuilds the state from stored values, for an engine that persists it.</summary>
    public static RoundRobinState FromCurrentWeights(IEnumerable<KeyValuePair<int, int>> currentWeights) =>
        new(ImmutableSortedDictionary.CreateRange(currentWeights));

    public int CurrentWeightOf(int agentId) => _currentWeights.GetValueOrDefault(agentId);

    public RoundRobinState With(int agentId, int currentWeight) => new(_currentWeights.SetItem(agentId, currentWeight));

    /// <summary>Drops agents who left the group, so the state does not grow with staff turnover.</summary>
    public RoundRobinState RetainOnly(IReadOnlySet<int> agentIds) =>
        _currentWeights.Keys.All(agentIds.Contains)
            ? this
            : new(_currentWeights.RemoveRange(_currentWeights.Keys.Where(id => !agentIds.Contains(id))));

    public bool Equals(RoundRobinState? other) =>
        other is not null && _currentWeights.Count == other._currentWeights.Count
        && _currentWeights.All(pair =>
            other._currentWeights.TryGetValue(pair.Key, out var weight) && weight == pair.Value);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (agentId, weight) in _currentWeights)
        {
            hash.Add(agentId);
            hash.Add(weight);
        }

        return hash.ToHashCode();
    }
}
