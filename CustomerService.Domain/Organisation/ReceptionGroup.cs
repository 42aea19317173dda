using System.Text.RegularExpressions;
using CustomerService.Domain.Common;

namespace CustomerService.Domain.Organisation;

/// <summary>
/// 接待组: the agents who receive visitors from its consultation entries (SPEC C3). Members may come from any
/// account group; each has a priority tier (0 = served first) and an optional routing weight.
/// </summary>
public partial class ReceptionGroup : IAudited
{
    public const int NameMaxLength = 32;
    public const string DefaultSkinColor = "#1E88E5";

    private readonly List<ReceptionGroupMember> _members = [];

    private ReceptionGroup()
    {
        Name = string.Empty;
        SkinColor = DefaultSkinColor;
    }

    public ReceptionGroup(string name, string skinColor)
    {
        Name = SkinColor = string.Empty;
        Rename(name);
        ChangeSkin(skinColor);
    }

    public int Id { get; private set; }
    public string Name { get; private set; }

    /// <summary>Chat-window skin colour as #RRGGBB; the widget button and visitor window use it.</summary>
    public string SkinColor { get; private set; }

    public IReadOnlyCollection<ReceptionGroupMember> Members => _members;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public static RuleViolation? CheckName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? new RuleViolation("Required", "ReceptionGroup.Name")
        : name.Trim().Length > NameMaxLength ? new RuleViolation("TooLong", "ReceptionGroup.Name", NameMaxLength)
        : null;

    public static RuleViolation? CheckSkinColor(string? color) =>
        color is not null && SkinColorPattern().IsMatch(color) ? null : new RuleViolation("SkinColorFormat");

    public static RuleViolation? CheckMembers(IReadOnlyCollection<MemberAssignment> members)
    {
        if (members.Select(m => m.AccountId).Distinct().Count() != members.Count)
        {
            return new RuleViolation("DuplicateMember");
        }

        foreach (var member in members)
        {
            if (member.Priority is < ReceptionGroupMember.PriorityMin or > ReceptionGroupMember.PriorityMax)
            {
                return new RuleViolation("PriorityRange", ReceptionGroupMember.PriorityMin, ReceptionGroupMember.PriorityMax);
            }

            if (member.Weight is < ReceptionGroupMember.WeightMin or > ReceptionGroupMember.WeightMax)
            {
                return new RuleViolation("WeightRange", ReceptionGroupMember.WeightMin, ReceptionGroupMember.WeightMax);
            }
        }

        return null;
    }

    public void Rename(string name)
    {
        RuleViolationException.ThrowIf(CheckName(name));
        Name = name.Trim();
    }

    public void ChangeSkin(string color)
    {
        RuleViolationException.ThrowIf(CheckSkinColor(color));
        SkinColor = color.ToUpperInvariant();
    }

    /// <summary>Replaces the member list in one step, keeping rows of members that stay (their ids are referenced).</summary>
    public void SetMembers(IReadOnlyCollection<MemberAssignment> members)
    {
        RuleViolationException.ThrowIf(CheckMembers(members));
        _members.RemoveAll(existing => members.All(m => m.AccountId != existing.AccountId));
        foreach (var wanted in members)
        {
            var existing = _members.FirstOrDefault(m => m.AccountId == wanted.AccountId);
            if (existing is null)
            {
                _members.Add(new ReceptionGroupMember(wanted.AccountId, wanted.Priority, wanted.Weight));
            }
            else
            {
                existing.Change(wanted.Priority, wanted.Weight);
            }
        }
    }

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex SkinColorPattern();
}

public sealed record MemberAssignment(int AccountId, int Priority, int? Weight = null);

public class ReceptionGroupMember
{
    public const int PriorityMin = 0;
    public const int PriorityMax = 9;
    public const int WeightMin = 1;
    public const int WeightMax = 100;

    private ReceptionGroupMember()
    {
    }

    internal ReceptionGroupMember(int accountId, int priority, int? weight)
    {
        AccountId = accountId;
        Change(priority, weight);
    }

    public int Id { get; private set; }
    public int ReceptionGroupId { get; private set; }
    public int AccountId { get; private set; }
    public Account? Account { get; private set; }

    /// <summary>0 is the highest tier; routing only reaches tier n+1 when no one in tier n can take a visitor (D2.4).</summary>
    public int Priority { get; private set; }

    /// <summary>Round-robin weight; null means “use the account's max load” (D2.6).</summary>
    public int? Weight { get; private set; }

    internal void Change(int priority, int? weight)
    {
        Priority = priority;
        Weight = weight;
    }
}
