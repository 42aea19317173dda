using CustomerService.Data;
using CustomerService.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Conversations.Engine;

/// <summary>
/// The organisation as routing needs it, read fresh for each batch that routes or names agents, so a settings change
/// (max load, members, entries) applies to the next decision.
/// </summary>
internal sealed record Roster(
    IReadOnlyDictionary<int, RosterAgent> Agents,
    IReadOnlyDictionary<int, IReadOnlyList<RosterMember>> GroupMembers,
    IReadOnlyDictionary<string, RosterEntry> EntriesByCode,
    IReadOnlyDictionary<int, RosterEntry> EntriesById,
    bool AgentsStartOnline)
{
    public static async Task<Roster> LoadAsync(CustomerServiceDbContext db, CancellationToken cancellationToken)
    {
        var agents = await db.Accounts.AsNoTracking()
            .Select(a => new RosterAgent(a.Id, a.ExternalName, a.AvatarUrl, a.Role, a.MaxLoad, a.ParticipatesInDistribution, a.IsEnabled))
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        var members = await db.ReceptionGroupMembers.AsNoTracking()
            .Select(m => new { m.ReceptionGroupId, Member = new RosterMember(m.AccountId, m.Priority, m.Weight) })
            .ToListAsync(cancellationToken);
        var entries = await db.ConsultationEntries.AsNoTracking()
            .Select(e => new RosterEntry(e.Id, e.Code, e.ReceptionGroupId))
            .ToListAsync(cancellationToken);
        var startOnline = await db.EnterpriseProfiles.AsNoTracking()
            .Select(p => (bool?)p.AgentsStartOnline).SingleOrDefaultAsync(cancellationToken) ?? true;
        return new Roster(
            agents,
            members.GroupBy(m => m.ReceptionGroupId)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<RosterMember>)g.Select(m => m.Member).ToList()),
            entries.ToDictionary(e => e.Code, StringComparer.Ordinal),
            entries.ToDictionary(e => e.Id),
            startOnline);
    }

    public IReadOnlyList<RosterMember> MembersOf(int receptionGroupId) =>
        GroupMembers.TryGetValue(receptionGroupId, out var members) ? members : [];

    public string NameOf(int agentId) => Agents.TryGetValue(agentId, out var agent) ? agent.ExternalName : string.Empty;
}

internal sealed record RosterAgent(int Id, string ExternalName, string? AvatarUrl, AccountRole Role, int MaxLoad, bool ParticipatesInDistribution, bool IsEnabled);

internal sealed record RosterMember(int AgentId, int Priority, int? Weight);

internal sealed record RosterEntry(int Id, string Code, int ReceptionGroupId);
