namespace CustomerService.Domain.Conversations;

/// <summary>
/// SPEC D10: the consultation type tree holds at most 50 types with names of at most 25 characters, any depth
/// (seed 002 设置 “咨询类型,可以多级分组设置”). Settings validate the whole proposed tree before saving, so an add,
/// rename or move is checked the same way.
/// </summary>
public static class ConsultationTypeRules
{
    public const int MaxTypes = 50;

    /// <summary>Counted in UTF-16 code units, the unit of the database column, so a valid name always fits.</summary>
    public const int NameMaxLength = 25;

    public static IReadOnlyList<ConsultationTypeIssue> Validate(IReadOnlyCollection<ConsultationType> types)
    {
        ArgumentNullException.ThrowIfNull(types);

        var issues = new List<ConsultationTypeIssue>();
        if (types.Count > MaxTypes)
        {
            issues.Add(new ConsultationTypeIssue(ConsultationTypeProblem.TooManyTypes));
        }

        var byId = new Dictionary<int, ConsultationType>();
        foreach (var type in types)
        {
            if (!byId.TryAdd(type.Id, type))
            {
                issues.Add(new ConsultationTypeIssue(ConsultationTypeProblem.DuplicateId, type.Id));
            }

            if (string.IsNullOrWhiteSpace(type.Name))
            {
                issues.Add(new ConsultationTypeIssue(ConsultationTypeProblem.NameRequired, type.Id));
            }
            else if (type.Name.Trim().Length > NameMaxLength)
            {
                issues.Add(new ConsultationTypeIssue(ConsultationTypeProblem.NameTooLong, type.Id));
            }
        }

        foreach (var type in byId.Values)
        {
            if (type.ParentId is { } parentId && !byId.ContainsKey(parentId))
            {
                issues.Add(new ConsultationTypeIssue(ConsultationTypeProblem.UnknownParent, type.Id));
            }
            else if (HasParentCycle(type, byId))
            {
                issues.Add(new ConsultationTypeIssue(ConsultationTypeProblem.ParentCycle, type.Id));
            }
        }

        // Two siblings with the same name would be indistinguishable in the summary picker.
        var siblingNames = new HashSet<(int?, string)>();
        foreach (var type in byId.Values.Where(t => !string.IsNullOrWhiteSpace(t.Name)))
        {
            if (!siblingNames.Add((type.ParentId, type.Name.Trim().ToUpperInvariant())))
            {
                issues.Add(new ConsultationTypeIssue(ConsultationTypeProblem.DuplicateSiblingName, type.Id));
            }
        }

        return issues;
    }

    private static bool HasParentCycle(ConsultationType type, IReadOnlyDictionary<int, ConsultationType> byId)
    {
        var seen = new HashSet<int> { type.Id };
        var current = type;
        while (current.ParentId is { } parentId && byId.TryGetValue(parentId, out var parent))
        {
            if (!seen.Add(parent.Id))
            {
                return true;
            }

            current = parent;
        }

        return false;
    }
}
