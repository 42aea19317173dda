using CustomerService.Domain.Common;

namespace CustomerService.Domain.Qc;

/// <summary>
/// One thing a standard grades (SPEC H1): its name (unique in the standard), the most points it gives, an optional
/// description for the inspector, whether it may be marked not applicable (N/A), and whether it is critical (scored below
/// half its max, the whole grade is 0; SPEC H2). <see cref="Position"/> orders a version's dimensions and is what a
/// grade's scores refer to.
/// </summary>
public sealed class QcDimension
{
    public const int NameMaxLength = 50;
    public const int DescriptionMaxLength = 200;

    /// <summary>A generous ceiling: 100 is the usual scale, but a standard may weigh dimensions in larger numbers.</summary>
    public const int MaxScoreLimit = 1000;

    private QcDimension()
    {
        Name = string.Empty;
    }

    public QcDimension(int position, string name, int maxScore, string? description = null, bool allowsNotApplicable = false, bool isCritical = false)
    {
        RuleViolationException.ThrowIf(Check(name, maxScore, description));
        Position = position;
        Name = name.Trim();
        MaxScore = maxScore;
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        AllowsNotApplicable = allowsNotApplicable;
        IsCritical = isCritical;
    }

    public int Position { get; private set; }
    public string Name { get; private set; }
    public int MaxScore { get; private set; }
    public string? Description { get; private set; }
    public bool AllowsNotApplicable { get; private set; }
    public bool IsCritical { get; private set; }

    public static RuleViolation? Check(string? name, int maxScore, string? description) =>
        string.IsNullOrWhiteSpace(name) ? new RuleViolation("Required", "Qc.DimensionName")
        : name.Trim().Length > NameMaxLength ? new RuleViolation("TooLong", "Qc.DimensionName", NameMaxLength)
        : InputText.HasForbiddenControlCharacter(name) ? new RuleViolation("ControlCharacters", "Qc.DimensionName")
        : maxScore < 1 ? new RuleViolation("QcMaxScoreTooSmall", name.Trim())
        : maxScore > MaxScoreLimit ? new RuleViolation("QcMaxScoreTooLarge", name.Trim(), MaxScoreLimit)
        : InputText.Check("Qc.DimensionDescription", description?.Trim(), DescriptionMaxLength);
}

/// <summary>What an admin types for a dimension, before it is checked (the settings form, a test).</summary>
public sealed record QcDimensionInput(string Name, int MaxScore, string? Description = null, bool AllowsNotApplicable = false, bool IsCritical = false);
