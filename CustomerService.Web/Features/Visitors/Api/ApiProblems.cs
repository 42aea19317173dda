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

    public static IResult Unauthorized(ViolationText text) =>
        Results.Problem(text.Describe(new RuleViolation("VisitorTokenInvalid")), statusCode: StatusCodes.Status401Unauthorized);

    public static IResult NotFound(ViolationText text) =>
        Results.Problem(text.Describe(new RuleViolation("ConversationNotFound")), statusCode: StatusCodes.Status404NotFound);

    /// <summary>Turns a rule violation thrown by the engine or a rule into a problem answer; everything else propagates.</summary>
    public static async Task<IResult> GuardAsync(ViolationText text, Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (RuleViolationException exception)
        {
            return From(exception.Violation, text);
        }
    }
}
