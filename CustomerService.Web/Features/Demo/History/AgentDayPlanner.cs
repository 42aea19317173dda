using CustomerService.Domain.Conversations;

namespace CustomerService.Web.Features.Demo.History;

/// <summary>
/// One agent's working day: a shift (early 09:00–18:00 or late 13:00–22:00 local, give or take), its status log —
/// Online, a few Busy stretches, an Away meal break, now and then a short Offline gap (a dropped connection) — and the
/// requests he is offered while Online, more of them in the shop's busy hours (mid-morning, afternoon, evening).
/// </summary>
internal sealed class AgentDayPlanner(Random random, TimeZoneInfo zone, int conversationsPerDay)
{
    /// <summary>Relative traffic per local hour: 10–11, 14–16 and 20–21 are the shop's peaks.</summary>
    private static readonly double[] HourWeights =
        [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.2, 0.4, 0.6, 0.8, 1.3, 1.2, 0.8, 0.9, 1.2, 1.3, 1.1, 0.9, 0.8, 0.9, 1.4, 1.3, 0.8, 0.3];

    public IReadOnlyList<PlannedRequest> Plan(HistoryDay day, HistoryAgent agent, int dayNumber)
    {
        // One day off in seven, staggered so the team is never away together.
        if ((dayNumber + agent.Id) % 7 == 0)
        {
            return [];
        }

        var localStart = day.Date.ToDateTime(new TimeOnly(agent.LateShift ? 13 : 9, 0)).AddMinutes(random.Next(-20, 15));
        var localEnd = localStart.AddHours(9).AddMinutes(random.Next(-10, 20));
        var breakStart = localStart.AddHours(4).AddMinutes(random.Next(-30, 30));
        var stretches = new List<(AgentStatus Status, DateTime From, DateTime To)>
        {
            (AgentStatus.Online, localStart, breakStart),
            (AgentStatus.Away, breakStart, breakStart.AddMinutes(random.Next(40, 65))),
        };
        stretches.Add((AgentStatus.Online, stretches[^1].To, localEnd));
        stretches = Interrupt(stretches, AgentStatus.Busy, random.Next(1, 4), 5, 20);
        if (random.NextDouble() < 0.2)
        {
            stretches = Interrupt(stretches, AgentStatus.Offline, 1, 3, 10);
        }

        var requests = new List<PlannedRequest>();
        var perOnlineHour = conversationsPerDay / 7.5;
        foreach (var (status, from, to) in stretches)
        {
            var period = new AgentStatusPeriod(agent.Id, status, Utc(from));
            period.Close(Utc(to));
            day.Statuses.Add(period);
            if (status != AgentStatus.Online)
            {
                continue;
            }

            // Arrivals of a Poisson process whose rate follows the hour of the day.
            for (var t = from; ;)
            {
                var rate = perOnlineHour * HourWeights[t.Hour] * (day.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1.2 : 1.0);
                t = t.AddHours(-Math.Log(1 - random.NextDouble()) / rate);
                if (t >= to)
                {
                    break;
                }

                requests.Add(new PlannedRequest(Utc(t), agent, Queued: random.NextDouble() < 0.12));
            }
        }

        // Logged out after the shift until the next one (Offline is never counted, SPEC I0); closed so no stretch stays open.
        var offline = new AgentStatusPeriod(agent.Id, AgentStatus.Offline, Utc(localEnd));
        offline.Close(Utc(localEnd.AddHours(10)));
        day.Statuses.Add(offline);
        return requests;
    }

    /// <summary>Cuts <paramref name="count"/> stretches of another status out of the Online ones.</summary>
    private List<(AgentStatus Status, DateTime From, DateTime To)> Interrupt(
        List<(AgentStatus Status, DateTime From, DateTime To)> stretches, AgentStatus status, int count, int minMinutes, int maxMinutes)
    {
        for (var i = 0; i < count; i++)
        {
            var online = stretches.Select((s, index) => (s, index)).Where(x => x.s.Status == AgentStatus.Online && (x.s.To - x.s.From).TotalMinutes > maxMinutes * 3).ToList();
            if (online.Count == 0)
            {
                break;
            }

            var (stretch, index) = online[random.Next(online.Count)];
            var length = TimeSpan.FromMinutes(random.Next(minMinutes, maxMinutes + 1));
            var start = stretch.From.AddMinutes(random.Next(maxMinutes, (int)(stretch.To - stretch.From - length).TotalMinutes - maxMinutes + 1));
            stretches.RemoveAt(index);
            stretches.InsertRange(index, [(AgentStatus.Online, stretch.From, start), (status, start, start + length), (AgentStatus.Online, start + length, stretch.To)]);
        }

        return stretches;
    }

    /// <summary>Local wall time to UTC; a time skipped by a daylight-saving change moves an hour on.</summary>
    private DateTime Utc(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(zone.IsInvalidTime(unspecified) ? unspecified.AddHours(1) : unspecified, zone);
    }
}
