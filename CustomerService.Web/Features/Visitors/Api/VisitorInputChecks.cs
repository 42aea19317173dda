using CustomerService.Domain.Common;
using CustomerService.Web.Localization;

namespace CustomerService.Web.Features.Visitors.Api;

/// <summary>
/// The lengths and characters of every text a visitor request carries (SPEC M: over-long text gets a clear message and
/// changes nothing), by the one set of <see cref="InputLimits"/>. Each refusal names the JSON field it is about.
/// Emptiness and formats stay with the rules that own them (the engine, the leave-message form).
/// </summary>
public static class VisitorInputChecks
{
    public static IEnumerable<(string Field, RuleViolation Violation)> Check(object? request) => request switch
    {
        StartSessionRequest start => Checks(
            ("page.url", InputText.Check("PageView.Url", start.Page?.Url, InputLimits.PageUrl)),
            ("page.title", InputText.Check("PageView.Title", start.Page?.Title, InputLimits.PageTitle)),
            ("page.referrer", InputText.Check("PageView.Referrer", start.Page?.Referrer, InputLimits.PageUrl)),
            ("user.id", InputText.Check("Visitor.UserId", start.User?.Id, InputLimits.ExternalUserId)),
            ("user.name", InputText.Check("Visitor.Name", start.User?.Name, InputLimits.VisitorName)),
            ("product.id", InputText.Check("Product.Id", start.Product?.Id, InputLimits.ProductId)),
            ("product.name", InputText.Check("Product.Name", start.Product?.Name, InputLimits.ProductName)),
            ("product.price", InputText.Check("Product.Price", start.Product?.Price, InputLimits.ProductPrice)),
            ("product.url", InputText.Check("Product.Url", start.Product?.Url, InputLimits.ProductUrl)),
            ("product.image", InputText.Check("Product.Image", start.Product?.Image, InputLimits.ProductUrl))),
        SignedUser user => Checks(
            ("id", InputText.Check("Visitor.UserId", user.Id, InputLimits.ExternalUserId)),
            ("name", InputText.Check("Visitor.Name", user.Name, InputLimits.VisitorName))),
        TrackRequest track => Checks(
            ("url", InputText.Check("PageView.Url", track.Url, InputLimits.PageUrl)),
            ("title", InputText.Check("PageView.Title", track.Title, InputLimits.PageTitle)),
            ("referrer", InputText.Check("PageView.Referrer", track.Referrer, InputLimits.PageUrl))),
        PostMessageRequest message => Checks(
            ("clientId", InputText.Check("Message.ClientId", message.ClientId, InputLimits.MessageClientId)),
            ("text", InputText.Check("Message.Text", message.Text, InputLimits.MessageText))),
        EvaluationRequest evaluation => Checks(
            ("comment", InputText.Check("Evaluation.Comment", evaluation.Comment, InputLimits.EvaluationComment))),
        LeaveMessageRequest leave => Checks(
            ("name", InputText.Check("LeaveMessage.Name", leave.Name?.Trim(), InputLimits.LeaveMessageName)),
            ("email", InputText.Check("LeaveMessage.Email", leave.Email?.Trim(), InputLimits.Email)),
            ("content", InputText.Check("LeaveMessage.Content", leave.Content?.Trim(), InputLimits.LeaveMessageContent))),
        _ => [],
    };

    private static IEnumerable<(string Field, RuleViolation Violation)> Checks(params (string Field, RuleViolation? Violation)[] checks) =>
        checks.Where(check => check.Violation is not null).Select(check => (check.Field, check.Violation!));
}

/// <summary>Refuses a request whose body breaks <see cref="VisitorInputChecks"/> with one 400 listing every bad field, before anything is stored.</summary>
public sealed class VisitorInputFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var errors = context.Arguments.SelectMany(VisitorInputChecks.Check).ToList();
        return errors.Count == 0
            ? await next(context)
            : ApiProblems.Invalid(errors, context.HttpContext.RequestServices.GetRequiredService<ViolationText>());
    }
}
