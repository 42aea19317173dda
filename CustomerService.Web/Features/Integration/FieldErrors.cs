using CustomerService.Domain.Common;
using CustomerService.Web.Features.Visitors.Api;
using CustomerService.Web.Localization;

namespace CustomerService.Web.Features.Integration;

/// <summary>
/// Collects what is wrong with a request, field by field, and answers all of it at once (SPEC N4: 400 with field
/// errors): an RFC 7807 validation problem whose <c>errors</c> maps each JSON field or query parameter to its localized
/// sentences. Endpoints check everything, then <c>if (errors.Any) return errors.ToProblem(text);</c> before changing
/// anything.
/// <code>
/// var errors = new FieldErrors();
/// errors.Add("limit", limit is &lt; 1 or &gt; 500 ? new RuleViolation("LimitOutOfRange", 1, 500) : null);
/// if (errors.Any) return errors.ToProblem(text);
/// </code>
/// </summary>
public sealed class FieldErrors
{
    private readonly List<(string Field, RuleViolation Violation)> _errors = [];

    public bool Any => _errors.Count > 0;

    public IReadOnlyList<(string Field, RuleViolation Violation)> All => _errors;

    /// <summary>Records <paramref name="violation"/> against <paramref name="field"/>; a null violation is no error.</summary>
    public FieldErrors Add(string field, RuleViolation? violation)
    {
        if (violation is not null)
        {
            _errors.Add((field, violation));
        }

        return this;
    }

    public bool Has(string field) => _errors.Exists(error => error.Field == field);

    /// <summary>400 <c>application/problem+json</c> with <c>errors: {field: [sentences]}</c>, a <c>detail</c> and the first <c>code</c>.</summary>
    public IResult ToProblem(ViolationText text) =>
        Any ? ApiProblems.Invalid(_errors, text) : throw new InvalidOperationException("There are no field errors to answer.");
}
