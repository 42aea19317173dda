using System.Globalization;
using System.Security.Cryptography;
using CustomerService.Domain.Visitors;

namespace CustomerService.Web.Features.Demo.History;

/// <summary>
/// Who asks: signed shop users <c>user-NNNN</c> from a fixed pool (they return, and their orders link to them, SPEC E1)
/// or anonymous visitors (new every time). A user keeps one visitor row; memory holds one id per user, not per day.
/// </summary>
internal sealed class HistoryVisitors(Random random, int userPool, Func<Visitor, long> number)
{
    /// <summary>Share of requests from signed users: most shoppers who ask are logged in.</summary>
    private const double SignedShare = 0.55;

    private readonly Dictionary<int, long> _visitorOfUser = [];

    /// <summary>The visitor of a request at <paramref name="at"/>; a new row is added to <paramref name="day"/>.</summary>
    public (long VisitorId, string? UserId) Next(HistoryDay day, DateTime at)
    {
        if (random.NextDouble() >= SignedShare)
        {
            return (Create(day, at, null), null);
        }

        // Skewed towards low numbers: a few loyal customers ask often, most users rarely.
        var user = (int)(userPool * Math.Pow(random.NextDouble(), 2.2)) + 1;
        var userId = UserId(user);
        if (!_visitorOfUser.TryGetValue(user, out var visitorId))
        {
            visitorId = Create(day, at, userId);
            _visitorOfUser[user] = visitorId;
        }

        return (visitorId, userId);
    }

    /// <summary>A user who has already visited (for orders placed without a consultation); null before the first visit.</summary>
    public string? KnownUser() =>
        _visitorOfUser.Count == 0 ? null : UserId(_visitorOfUser.Keys.ElementAt(random.Next(_visitorOfUser.Count)));

    /// <summary>The visitor row of a signed user who has visited; null before his first visit.</summary>
    public long? VisitorOf(string userId) =>
        int.TryParse(userId.AsSpan("user-".Length), System.Globalization.CultureInfo.InvariantCulture, out var user) && _visitorOfUser.TryGetValue(user, out var visitorId)
            ? visitorId
            : null;

    public static string UserId(int user) => "user-" + user.ToString("0000", CultureInfo.InvariantCulture);

    private long Create(HistoryDay day, DateTime at, string? userId)
    {
        var token = new byte[16];
        random.NextBytes(token);
        var visitor = new Visitor(Convert.ToHexString(SHA256.HashData(token)), at);
        if (userId is not null)
        {
            visitor.Identify(userId, null, isVip: false);
        }

        visitor.Seen(at, $"10.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)}");
        var id = number(visitor);
        day.Visitors.Add(visitor);
        return id;
    }
}
