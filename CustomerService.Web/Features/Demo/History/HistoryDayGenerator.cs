using CustomerService.Domain.Visitors;

namespace CustomerService.Web.Features.Demo.History;

/// <summary>
/// Generates the local days of a history one after another from one seeded <see cref="Random"/>: the same options and
/// seed give the same rows. Each day's requests are planned per agent, then played in the order they arrived, so
/// conversation ids grow with request time as the engine's do.
/// </summary>
public sealed class HistoryDayGenerator
{
    private readonly Random _random;
    private readonly HistoryStaff _staff;
    private readonly HistoryOptions _options;
    private readonly AgentDayPlanner _planner;
    private readonly HistoryVisitors _visitors;
    private readonly HistoryOrders _orders;
    private readonly HistoryLeaveMessages _leaveMessages;
    private readonly ConversationSimulator _simulator;

    public HistoryDayGenerator(HistoryOptions options, HistoryStaff staff, HistoryIds ids, DateTime now, Func<Visitor, long> numberVisitor)
    {
        _random = new Random(options.Seed);
        _staff = staff;
        _options = options;
        _planner = new AgentDayPlanner(_random, staff.Zone, options.ConversationsPerAgentDay);
        _visitors = new HistoryVisitors(_random, Math.Max(200, options.Agents * 150), numberVisitor);
        // Page views draw from a generator of their own: adding them left the rest of a seed's history unchanged.
        var pages = new HistoryPageViews(new Random(options.Seed ^ 0x5A5A5A));
        _orders = new HistoryOrders(_random, ids, _visitors, pages, now, options.Seed);
        _leaveMessages = new HistoryLeaveMessages(_random, staff, ids, now);
        _simulator = new ConversationSimulator(_random, staff, ids, _visitors, _orders, _leaveMessages, pages);
    }

    public HistoryDay Generate(DateOnly date, int dayNumber)
    {
        var day = new HistoryDay(date);
        var requests = _staff.Agents.SelectMany(agent => _planner.Plan(day, agent, dayNumber)).OrderBy(r => r.RequestedAt).ThenBy(r => r.Agent.Id).ToList();
        foreach (var request in requests)
        {
            _simulator.Play(day, request);
        }

        var dayStart = TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue), _staff.Zone);
        foreach (var (groupId, agents) in _staff.AgentsByGroup.OrderBy(g => g.Key))
        {
            // Visitors who came at night, when nobody was on duty, leave a message instead (留言 without a conversation).
            for (var i = 0; i < Math.Max(1, agents.Count / 3); i++)
            {
                var at = dayStart + TimeSpan.FromMinutes(_random.NextDouble() < 0.5 ? _random.Next(0, 8 * 60) : _random.Next(22 * 60 + 30, 24 * 60));
                var (visitorId, _) = _visitors.Next(day, at);
                day.LeaveMessages.Add(_leaveMessages.Create(visitorId, agents[0].EntryId, groupId, null, at, responsibleAgentId: null));
            }
        }

        _orders.WithoutConsultation(day, dayStart, Math.Max(1, _options.Agents / 2));
        return day;
    }
}
