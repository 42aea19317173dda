namespace CustomerService.Domain.Common;

/// <summary>The result of a command that can be refused by a rule: success, or the rule it broke.</summary>
public readonly record struct Outcome(RuleViolation? Violation)
{
    public static Outcome Ok => new(null);

    public bool Succeeded => Violation is null;

    public static implicit operator Outcome(RuleViolation violation) => new(violation);
}

/// <summary>Like <see cref="Outcome"/>, carrying the value a successful command produced.</summary>
public readonly record struct Outcome<T>(T? Value, RuleViolation? Violation)
{
    public bool Succeeded => Violation is null;

    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(RuleViolation violation) => new(default, violation);
}
