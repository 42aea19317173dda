using CustomerService.Domain.Common;
using Microsoft.Extensions.Localization;

namespace CustomerService.Web.Localization;

/// <summary>
/// Turns a <see cref="RuleViolation"/> into a sentence in the person's language: the text is <c>Error.{Code}</c>,
/// and arguments naming a field (<c>Field.{arg}</c> exists) are shown by their localized label.
/// </summary>
public sealed class ViolationText(IStringLocalizer<UiText> text)
{
    public string Describe(RuleViolation violation)
    {
        var arguments = violation.Arguments
            .Select(argument => argument is string name && text[$"Field.{name}"] is { ResourceNotFound: false } label
                ? label.Value
                : argument)
            .ToArray();
        var message = text[$"Error.{violation.Code}", arguments];
        return message.ResourceNotFound ? text["Error.Unknown", violation.Code] : message.Value;
    }

    public string? Describe(Outcome outcome) => outcome.Violation is null ? null : Describe(outcome.Violation);
}
