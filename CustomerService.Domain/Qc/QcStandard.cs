using CustomerService.Domain.Common;

namespace CustomerService.Domain.Qc;

/// <summary>
/// A QC standard (质检标准, SPEC H1): a name and, per version, its dimensions. Grades point at the version they were
/// made with, so a change never rewrites a past grade: <see cref="Revise"/> adds a version, and the settings service
/// drops the previous one only when no grade uses it (editing a standard nobody graded with leaves no history to keep).
/// </summary>
public class QcStandard
{
    public const int NameMaxLength = 50;
    public const int MaxDimensions = 20;

    private readonly List<QcStandardVersion> _versions = [];

    private QcStandard()
    {
        Name = string.Empty;
    }

    private QcStandard(string name)
    {
        Name = name;
    }

    public int Id { get; private set; }
    public string Name { get; private set; }

    /// <summary>The standard new grades use unless the inspector picks another; the settings service keeps exactly one.</summary>
    public bool IsDefault { get; private set; }

    public IReadOnlyCollection<QcStandardVersion> Versions => _versions;

    /// <summary>The version new grades are made with: the highest number.</summary>
    public QcStandardVersion CurrentVersion => _versions.MaxBy(v => v.Number)
        ?? throw new InvalidOperationException("A standard always has a version.");

    public static Outcome<QcStandard> Create(string? name, IReadOnlyList<QcDimensionInput> dimensions, DateTime utcNow)
    {
        if (Check(name, dimensions) is { } violation)
        {
            return violation;
        }

        var standard = new QcStandard(name!.Trim());
        standard._versions.Add(new QcStandardVersion(1, Build(dimensions), utcNow));
        return standard;
    }

    /// <summary>Renames the standard and gives it a new version with <paramref name="dimensions"/>; returns that version.</summary>
    public Outcome<QcStandardVersion> Revise(string? name, IReadOnlyList<QcDimensionInput> dimensions, DateTime utcNow)
    {
        if (Check(name, dimensions) is { } violation)
        {
            return violation;
        }

        Name = name!.Trim();
        var version = new QcStandardVersion(CurrentVersion.Number + 1, Build(dimensions), utcNow);
        _versions.Add(version);
        return version;
    }

    public void MarkDefault(bool isDefault) => IsDefault = isDefault;

    /// <summary>
    /// SPEC H1 and issue 13's bad input: a name, at least one dimension, no two dimensions named alike (ignoring case and
    /// surrounding spaces), each dimension valid (a max of 0 gives nothing to grade).
    /// </summary>
    public static RuleViolation? Check(string? name, IReadOnlyList<QcDimensionInput>? dimensions)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return new RuleViolation("Required", "Qc.StandardName");
        }

        if (name.Trim().Length > NameMaxLength)
        {
            return new RuleViolation("TooLong", "Qc.StandardName", NameMaxLength);
        }

        if (InputText.HasForbiddenControlCharacter(name))
        {
            return new RuleViolation("ControlCharacters", "Qc.StandardName");
        }

        if (dimensions is null || dimensions.Count == 0)
        {
            return new RuleViolation("QcNoDimensions");
        }

        if (dimensions.Count > MaxDimensions)
        {
            return new RuleViolation("QcTooManyDimensions", MaxDimensions);
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var dimension in dimensions)
        {
            if (QcDimension.Check(dimension.Name, dimension.MaxScore, dimension.Description) is { } violation)
            {
                return violation;
            }

            if (!seen.Add(dimension.Name.Trim()))
            {
                return new RuleViolation("QcDuplicateDimension", dimension.Name.Trim());
            }
        }

        return null;
    }

    private static List<QcDimension> Build(IReadOnlyList<QcDimensionInput> dimensions) =>
        [.. dimensions.Select((d, i) => new QcDimension(i, d.Name, d.MaxScore, d.Description, d.AllowsNotApplicable, d.IsCritical))];
}

/// <summary>One version of a standard: the dimensions grades made with it were scored on. Never changes once created.</summary>
public class QcStandardVersion
{
    private readonly List<QcDimension> _dimensions = [];

    private QcStandardVersion()
    {
    }

    internal QcStandardVersion(int number, IEnumerable<QcDimension> dimensions, DateTime createdAt)
    {
        Number = number;
        _dimensions.AddRange(dimensions);
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }
    public int StandardId { get; private set; }

    /// <summary>1 for the first version, one more for each revision.</summary>
    public int Number { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>In <see cref="QcDimension.Position"/> order.</summary>
    public IReadOnlyList<QcDimension> Dimensions => [.. _dimensions.OrderBy(d => d.Position)];

    /// <summary>Σ max over all dimensions: 100 for the demo standard.</summary>
    public int TotalMax => _dimensions.Sum(d => d.MaxScore);
}
