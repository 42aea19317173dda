using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerService.Domain.Reporting;

/// <summary>
/// The counts behind 咨询发起 and 用户分析 (<see cref="ConsultationOrigins"/>) kept before ordering and cutting to the top
/// N, so the tallies of several days or agents merge into exactly the tally of them all: counts add up, and each start
/// page's funnel keeps its visitors as sets because it counts distinct visitors (SPEC I0). A day's tally per agent is
/// rolled with the day (<see cref="OriginRollupRow"/>); a report over a year merges 365 of them.
/// </summary>
public sealed class OriginTally
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public Dictionary<string, long> Sources { get; init; } = new(StringComparer.Ordinal);
    public Dictionary<string, long> Keywords { get; init; } = new(StringComparer.Ordinal);
    public Dictionary<string, long> Terminals { get; init; } = new(StringComparer.Ordinal);
    public Dictionary<string, long> Regions { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Consultations per local hour of their request, 24 entries.</summary>
    public long[] ByHour { get; init; } = new long[24];

    /// <summary>Per start page address ("" when none).</summary>
    public Dictionary<string, StartPageTally> StartPages { get; init; } = new(StringComparer.Ordinal);

    [JsonIgnore]
    public bool IsEmpty => StartPages.Count == 0;

    /// <summary>Adds <paramref name="other"/> into this tally; a page keeps the title it already has.</summary>
    public void Add(OriginTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        AddCounts(Sources, other.Sources);
        AddCounts(Keywords, other.Keywords);
        AddCounts(Terminals, other.Terminals);
        AddCounts(Regions, other.Regions);
        for (var hour = 0; hour < ByHour.Length; hour++)
        {
            ByHour[hour] += other.ByHour[hour];
        }

        foreach (var (url, page) in other.StartPages)
        {
            PageOf(url).Add(page);
        }
    }

    /// <summary>The merge of every tally, in the order given (the first page title found wins).</summary>
    public static OriginTally Merge(IEnumerable<OriginTally> tallies)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        var merged = new OriginTally();
        foreach (var tally in tallies)
        {
            merged.Add(tally);
        }

        return merged;
    }

    /// <summary>The figures a page shows: lists ordered by count then key; regions and keywords cut to their top N.</summary>
    public OriginFigures ToFigures() =>
        new(
            [.. StartPages
                .Select(p => new StartPageFigures(
                    p.Key, p.Value.Title, p.Value.Consultations, p.Value.Valid,
                    p.Value.OrderFill.Count, p.Value.OrderSubmit.Count, p.Value.Payment.Count))
                .OrderByDescending(p => p.Consultations).ThenBy(p => p.Url, StringComparer.Ordinal)],
            Ordered(Sources, int.MaxValue),
            Ordered(Keywords, ConsultationOrigins.TopKeywords),
            Ordered(Terminals, int.MaxValue),
            Ordered(Regions, ConsultationOrigins.TopRegions),
            [.. ByHour]);

    /// <summary>The tally as UTF-8 JSON: a rolled row stores it as it is, whatever its length.</summary>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static OriginTally FromJson(byte[] json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var tally = JsonSerializer.Deserialize<OriginTally>(json, Json) ?? throw new FormatException("Empty origin tally.");
        return tally.ByHour.Length == 24 ? tally : throw new FormatException("An origin tally holds 24 hours.");
    }

    internal StartPageTally PageOf(string url)
    {
        if (!StartPages.TryGetValue(url, out var page))
        {
            page = new StartPageTally();
            StartPages[url] = page;
        }

        return page;
    }

    internal static void Count(Dictionary<string, long> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    private static void AddCounts(Dictionary<string, long> into, Dictionary<string, long> from)
    {
        foreach (var (key, count) in from)
        {
            into[key] = into.GetValueOrDefault(key) + count;
        }
    }

    private static List<OriginCount> Ordered(Dictionary<string, long> counts, int top) =>
        [.. counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(top).Select(kv => new OriginCount(kv.Key, kv.Value))];
}

/// <summary>One start page's consultations, valid ones, and the visitors of those who reached each key page after.</summary>
public sealed class StartPageTally
{
    public string? Title { get; set; }
    public long Consultations { get; set; }
    public long Valid { get; set; }
    [JsonConverter(typeof(VisitorSetJsonConverter))]
    public HashSet<long> OrderFill { get; init; } = [];
    [JsonConverter(typeof(VisitorSetJsonConverter))]
    public HashSet<long> OrderSubmit { get; init; } = [];
    [JsonConverter(typeof(VisitorSetJsonConverter))]
    public HashSet<long> Payment { get; init; } = [];

    public void Add(StartPageTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Title ??= other.Title;
        Consultations += other.Consultations;
        Valid += other.Valid;
        OrderFill.UnionWith(other.OrderFill);
        OrderSubmit.UnionWith(other.OrderSubmit);
        Payment.UnionWith(other.Payment);
    }
}

/// <summary>
/// One (local day, agent)'s <see cref="OriginTally"/>, rolled with the day's other rows (SPEC I4). The row of no agent
/// holds the whole enterprise's tally of the day, so an enterprise report reads one row per day.
/// </summary>
public class OriginRollupRow
{
    private OriginRollupRow()
    {
    }

    public OriginRollupRow(DateOnly localDate, int? agentId, OriginTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        LocalDate = localDate;
        AgentId = agentId;
        Tally = tally.ToJson();
    }

    public long Id { get; private set; }
    public DateOnly LocalDate { get; private set; }
    public int? AgentId { get; private set; }

    /// <summary>The tally as UTF-8 JSON (<see cref="OriginTally.ToJson"/>).</summary>
    public byte[] Tally { get; private set; } = [];
}
