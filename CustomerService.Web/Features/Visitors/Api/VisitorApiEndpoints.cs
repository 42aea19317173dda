using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.LeaveMessages;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Features.Settings.LeaveMessage;
using CustomerService.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CustomerService.Web.Features.Visitors.Api;

/// <summary>
/// The visitor HTTP API of SPEC N2. Anonymous by design: the visitor token is the credential. Rule violations become
/// problem answers (<see cref="RuleViolationFilter"/>), over-long or control-character input is refused before anything
/// runs (<see cref="VisitorInputFilter"/>), and the conversation routes resolve their caller once
/// (<see cref="ConversationCallerFilter"/>).
/// </summary>
public static class VisitorApiEndpoints
{
    public const string PostPolicy = "visitor-posts";

    /// <summary>Rate limit of <c>POST /sessions</c> per IP: each start may take an agent's slot (SPEC M).</summary>
    public const string SessionStartPolicy = "visitor-session-starts";

    public static IEndpointRouteBuilder MapVisitorApi(this IEndpointRouteBuilder app)
    {
        // Every visitor route answers CORS preflights with the widget's policy instead of a 405 (or, before, a 401).
        var api = app.MapGroup("/api/visitor").AllowAnonymous().DisableAntiforgery().RequireCors(VisitorApiCors.Policy)
            .AddEndpointFilter<RuleViolationFilter>()
            .AddEndpointFilter<VisitorInputFilter>();

        api.MapGet("/entries/{code}", GetEntryAsync);
        api.MapPost("/entries/{code}/identity", CheckIdentityAsync).RequireCors(VisitorApiCors.IdentityCheckPolicy);
        api.MapPost("/sessions", StartSessionAsync).RequireRateLimiting(SessionStartPolicy);
        api.MapPost("/leave-messages", LeaveMessageAsync).RequireRateLimiting(PostPolicy);
        api.MapPost("/track", TrackAsync);
        api.MapVisitorConversations();

        app.MapGet("/api/files/{messageId:long}", UploadedFiles.DownloadAsync).AllowAnonymous();
        // Any other id is malformed: a 400 of its own rather than no route (and, before, the sign-in policy's 401).
        app.MapGet("/api/files/{messageId}", (ViolationText text) => ApiProblems.From(new RuleViolation("FileIdMalformed"), text)).AllowAnonymous();
        return app;
    }

    private static async Task<IResult> GetEntryAsync(string code, EntryQuery entries, IStringLocalizer<UiText> text, CancellationToken cancellationToken) =>
        await entries.GetAsync(code, cancellationToken) is { } entry
            ? Results.Ok(entry)
            : Results.Problem(text["Error.EntryUnknown"].Value, statusCode: StatusCodes.Status404NotFound);

    private static async Task<IResult> StartSessionAsync(
        [FromBody] StartSessionRequest request, HttpContext http, VisitorSessionService sessions, TrajectoryRecorder trajectory, CancellationToken cancellationToken)
    {
        var earlier = VisitorAuthenticator.TokenOf(http.Request, allowQuery: false) ?? request.VisitorToken;
        var session = await sessions.StartAsync(request, earlier, http.Connection.RemoteIpAddress, cancellationToken);
        if (request.Page is { Url: not null } page)
        {
            await trajectory.RecordAsync(session.VisitorToken, new TrackRequest(page.Url, page.Title, page.Referrer), http, cancellationToken);
        }

        return Results.Ok(session);
    }

    /// <summary>The widget asks this when its page calls <c>identify</c>, so it can warn the merchant's developer (SPEC M).</summary>
    private static async Task<IResult> CheckIdentityAsync(string code, [FromBody] SignedUser user, VisitorSessionService sessions, CancellationToken cancellationToken)
    {
        var identity = await sessions.CheckIdentityAsync(code, user, cancellationToken);
        return Results.Ok(new IdentityResponse(identity.Identity, identity.Reason));
    }

    private static async Task<IResult> LeaveMessageAsync([FromBody] LeaveMessageRequest request, HttpContext http, VisitorAuthenticator visitors,
        LeaveMessageSettingsService settings, ConversationEngine engine, CancellationToken cancellationToken)
    {
        var visitorId = await visitors.VisitorIdAsync(VisitorAuthenticator.TokenOf(http.Request, allowQuery: false), cancellationToken);
        var form = await settings.GetAsync(cancellationToken);
        RuleViolationException.ThrowIf(LeaveMessageForm.Check(form, request.Name, request.Phone, request.Email, request.Content));
        var content = new LeaveMessageContent(Blank(request.Name), Blank(request.Phone), Blank(request.Email), request.Content!.Trim());
        var id = await engine.LeaveMessageAsync(visitorId, request.Entry ?? string.Empty, content, request.ConversationId);
        return Results.Ok(new { Id = id });
    }

    private static async Task<IResult> TrackAsync([FromBody] TrackRequest request, HttpContext http, TrajectoryRecorder trajectory, CancellationToken cancellationToken)
    {
        var token = await trajectory.RecordAsync(VisitorAuthenticator.TokenOf(http.Request, allowQuery: false), request, http, cancellationToken);
        return token is null
            ? throw new RuleViolationException(new RuleViolation("Required", "PageView.Url"))
            : Results.Ok(new { VisitorToken = token });
    }

    public static Func<string, string, string> NoticeText(IStringLocalizer<UiText> localizer) =>
        (code, argument) => localizer[$"Notice.{code}", argument] is { ResourceNotFound: false } found ? found.Value : argument;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
