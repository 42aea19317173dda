using System.Globalization;

namespace CustomerService.Web.Features.Demo.History;

/// <summary>
/// What <c>seed-history</c> generates (SPEC N1b): how many past days, how many agents, the random seed (the same seed
/// gives the same history), and how busy an agent's working day is.
/// </summary>
public sealed record HistoryOptions(int Days, int Agents, int Seed = HistoryOptions.DefaultSeed, int ConversationsPerAgentDay = HistoryOptions.DefaultConversationsPerAgentDay)
{
    public const string Command = "seed-history";
    public const int DefaultSeed = 20260101;

    /// <summary>About what a busy e-commerce agent handles in a shift; at 365 days × 100 agents ≈ a million conversations.</summary>
    public const int DefaultConversationsPerAgentDay = 28;

    public const int MaxDays = 3660;
    public const int MaxAgents = 1000;

    /// <summary>True when the process was started as the command (<c>dotnet run -- seed-history …</c>).</summary>
    public static bool IsRequested(IReadOnlyList<string> args) => args.Count > 0 && args[0] == Command;

    /// <summary>
    /// Reads <c>seed-history --days 90 --agents 20 [--seed 1] [--conversations-per-agent-day 28]</c>; an unknown option
    /// or a bad number is an error text (English: this is a command-line tool's usage line).
    /// </summary>
    public static (HistoryOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        int days = 90, agents = 20, seed = DefaultSeed, perDay = DefaultConversationsPerAgentDay;
        for (var i = 1; i < args.Count; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Count || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return (null, $"{name} needs a whole number. {Usage}");
            }

            i++;
            switch (name)
            {
                case "--days": days = value; break;
                case "--agents": agents = value; break;
                case "--seed": seed = value; break;
                case "--conversations-per-agent-day": perDay = value; break;
                default: return (null, $"Unknown option {name}. {Usage}");
            }
        }

        return days is < 1 or > MaxDays ? (null, $"--days must be 1..{MaxDays}. {Usage}")
            : agents is < 1 or > MaxAgents ? (null, $"--agents must be 1..{MaxAgents}. {Usage}")
            : perDay is < 1 or > 500 ? (null, $"--conversations-per-agent-day must be 1..500. {Usage}")
            : (new HistoryOptions(days, agents, seed, perDay), null);
    }

    public const string Usage = "Usage: seed-history --days 90 --agents 20 [--seed 20260101] [--conversations-per-agent-day 28]";
}
