namespace CustomerService.Domain.Common;

/// <summary>The rule every free text from outside obeys: within its limit, and no control characters but line feed and tab.</summary>
public static class InputText
{
    /// <summary>
    /// Line feed (multi-line messages) and tab (pasted tables) are text; every other control character — NUL, bell,
    /// escape, carriage return, DEL, the C1 range — is invisible, breaks transcripts, exports and terminals, and is refused.
    /// </summary>
    public static bool HasForbiddenControlCharacter(string? value) =>
        value is not null && value.Any(c => char.IsControl(c) && c is not '\n' and not '\t');

    /// <summary>Null when <paramref name="value"/> may be stored; otherwise the rule it breaks, naming <paramref name="field"/>.</summary>
    public static RuleViolation? Check(string field, string? value, int maxLength) =>
        value is null ? null
        : value.Length > maxLength ? new RuleViolation("TooLong", field, maxLength)
        : HasForbiddenControlCharacter(value) ? new RuleViolation("ControlCharacters", field)
        : null;
}
