using CustomerService.Domain.Organisation;

namespace CustomerService.Web.Features.Settings.ReceptionGroups;

/// <summary>The reception group dialog's fields; members are edited in place, so they are mutable rows.</summary>
public sealed class ReceptionGroupFormModel
{
    public string Name { get; set; } = string.Empty;
    public string SkinColor { get; set; } = ReceptionGroup.DefaultSkinColor;
    public List<MemberFormRow> Members { get; set; } = [];

    public IReadOnlyCollection<MemberAssignment> Assignments() =>
        Members.Select(m => new MemberAssignment(m.AccountId, m.Priority, m.Weight)).ToList();

    public static ReceptionGroupFormModel From(ReceptionGroup group) => new()
    {
        Name = group.Name,
        SkinColor = group.SkinColor,
        Members = group.Members.OrderBy(m => m.Priority)
            .Select(m => new MemberFormRow { AccountId = m.AccountId, Priority = m.Priority, Weight = m.Weight }).ToList(),
    };
}

public sealed class MemberFormRow
{
    public int AccountId { get; set; }
    public int Priority { get; set; }
    public int? Weight { get; set; }
}
