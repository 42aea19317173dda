namespace CustomerService.Domain.Common;

/// <summary>
/// A broken business rule. <see cref="Code"/> is stable and doubles as the localization key
/// (the UI shows <c>Error.{Code}</c>), so rules stay free of UI text.
/// </summary>
public sealed record RuleViolation(string Code, params object[] Arguments)
{
    public override string ToString() => Arguments.Length == 0 ? Code : $"{Code}({string.Join(", ", Arguments)})";
}

/// <summary>Thrown when an entity method is called in a way its invariants forbid.</summary>
public sealed class RuleViolationException(RuleViolation violation) : Exception(violation.ToString())
{
    public RuleViolation Violation { get; } = violation;

    public static void ThrowIf(RuleViolation? violation)
    {
        if (violation is not null)
        {
            throw new RuleViolationException(violation);
        }
    }
}
