using System.Globalization;

namespace CustomerService.Domain.Routing;

/// <summary>
/// The stored <see cref="RoundRobinState"/> of one reception group, so the rotation survives a restart (issue 3,
/// recovery). Kept as one compact text column: it is read once at start and rewritten whole after each pick.
/// </summary>
public class GroupRoundRobin
{
    private GroupRoundRobin()
    {
        CurrentWeights = string.Empty;
    }

    public GroupRoundRobin(int receptionGroupId, RoundRobinState state)
    {
        ReceptionGroupId = receptionGroupId;
        CurrentWeights = string.Empty;
        Store(state);
    }

    public int ReceptionGroupId { get; private set; }

    /// <summary><c>agentId:weight</c> pairs separated by commas.</summary>
    public string CurrentWeights { get; private set; }

    public RoundRobinState ToState() =>
        RoundRobinState.FromCurrentWeights(
            CurrentWeights.Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split(':'))
                .Select(parts => KeyValuePair.Create(
                    int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture))));

    public void Store(RoundRobinState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        CurrentWeights = string.Join(',', state.CurrentWeights.Select(pair =>
            string.Create(CultureInfo.InvariantCulture, $"{pair.Key}:{pair.Value}")));
    }
}
