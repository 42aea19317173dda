using CustomerService.Domain.Common;
using CustomerService.Web.Localization;

namespace CustomerService.Web.Features.Visitors.Api;

/// <summary>RFC 7807 answers of the API (SPEC N2), with the localized rule text as the detail.</summary>
public static class ApiProblems
{
    public static IResult From(RuleViolation violation, ViolationText text) => violation.Code switch
    {
        "ConversationNotFound" => Results.Problem(text.Describe(violation), statusCode: StatusCodes.Status404NotFound),
        "UploadTooLarge" => Results.Problem(text.Describe(violation), statusCode: StatusCodes.Status413PayloadTooLarge),
        _ => Results.Problem(text.Describe(violation), statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["code"] = violation.Code }),
    };

    /// <summary>400 with every refused field under <c>errors</c> (JSON field → sentences) and all sentences as the detail.</summary>
    public static IResult Invalid(IReadOnlyCollection<(string Field, RuleViolation Violation)> errors, ViolationText text)
    {
        var described = errors.Select(error => (error.Field, Text: text.Describe(error.Violation))).ToList();
        return Results.ValidationProblem(
            described.GroupBy(error => error.Field).ToDictionary(group => group.Key, group => group.Select(error => error.Text).ToArray()),
            detail: string.Join(" ", described.Select(error => error.Text)),
            extensions: new Dictionary<string, object?> { ["code"] = errors.First().Violation.Code });
    }

    public static IResult Unauthorized(ViolationText text) =>
        Results.Problem(text.Describe(new RuleViolation("VisitorTokenInvalid")), statusCode: StatusCodes.Status401Unauthorized);

    public static IResult NotFound(ViolationText text) =>
        Results.Problem(text.Describe(new RuleViolation("ConversationNotFound")), statusCode: StatusCodes.Status404NotFound);
}
