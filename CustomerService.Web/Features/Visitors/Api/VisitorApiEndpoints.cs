using System.Text;
using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.LeaveMessages;
using CustomerService.Domain.Visitors;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Features.Settings.LeaveMessage;
using CustomerService.Web.Infrastructure;
using CustomerService.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerService.Web.Features.Visitors.Api;

/// <summary>The visitor HTTP API of SPEC N2. Anonymous by design: the visitor token is the credential.</summary>
public static class VisitorApiEndpoints
{
    public const string PostPolicy = "visitor-posts";

    public static IEndpointRouteBuilder MapVisitorApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/visitor").AllowAnonymous().DisableAntiforgery();

        api.MapGet("/entries/{code}", GetEntryAsync).RequireCors(VisitorApiCors.Policy);
        api.MapPost("/sessions", StartSessionAsync);
        api.MapPost("/leave-messages", LeaveMessageAsync).RequireRateLimiting(PostPolicy);
        api.MapPost("/track", TrackAsync);

        var conversation = api.MapGroup("/conversations/{id:long}");
        conversation.MapGet("", GetConversationAsync);
        conversation.MapPost("/messages", PostMessageAsync).RequireRateLimiting(PostPolicy);
        conversation.MapPost("/files", UploadAsync).RequireRateLimiting(PostPolicy);
        conversation.MapGet("/events", VisitorEventStream.StreamAsync);
        conversation.MapPost("/typing", Typing);
        conversation.MapPost("/evaluation", RateAsync).RequireRateLimiting(PostPolicy);
        conversation.MapPost("/close", CloseAsync);
        conversation.MapGet("/transcript", TranscriptAsync);

        app.MapGet("/api/files/{messageId:long}", UploadedFiles.DownloadAsync).AllowAnonymous();
        return app;
    }

    private static async Task<IResult> GetEntryAsync(
        string code, IDbContextFactory<CustomerServiceDbContext> dbFactory, LeaveMessageSettingsService leaveMessages,
        TimeProvider clock, IStringLocalizer<UiText> text, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entry = await db.ConsultationEntries.AsNoTracking().Include(e => e.ReceptionGroup)
            .FirstOrDefaultAsync(e => e.Code == code, cancellationToken);
        if (entry is null)
        {
            return Results.Problem(text["Error.EntryUnknown"].Value, statusCode: StatusCodes.Status404NotFound);
        }

        var enterprise = await db.EnterpriseProfiles.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var settings = await db.ConversationSettingsAsync(cancellationToken);
        var form = await leaveMessages.GetAsync(cancellationToken);
        var open = enterprise?.IsWorkingTime(clock.GetUtcNow().UtcDateTime) ?? true;
        return Results.Ok(new
        {
            entry.Code,
            entry.Name,
            SkinColor = entry.ReceptionGroup?.SkinColor ?? Domain.Organisation.ReceptionGroup.DefaultSkinColor,
            Enterprise = enterprise is null ? null : new { Name = enterprise.CompanyName, enterprise.LogoUrl, enterprise.About, enterprise.Phone, enterprise.Address, enterprise.Website },
            WorkingHours = new { Open = open, Text = open ? null : text["Visitor.OutsideWorkingHours"].Value },
            LeaveMessage = new
            {
                form.Enabled,
                form.Notice,
                Fields = new { Name = Mode(form.Name), Phone = Mode(form.Phone), Email = Mode(form.Email), Content = Mode(form.Content) },
            },
            Faq = await db.FaqItems.AsNoTracking().OrderBy(f => f.SortOrder).ThenBy(f => f.Id)
                .Select(f => new { f.Question, f.Answer }).ToListAsync(cancellationToken),
            CustomTab = settings.CustomTabTitle is null ? null : new { Title = settings.CustomTabTitle, Text = settings.CustomTabText, Url = settings.CustomTabUrl },
            Limits = new { ImageBytes = settings.ImageMaxKilobytes * 1024L, FileBytes = settings.FileMaxKilobytes * 1024L, MessageLength = ChatMessage.TextMaxLength },
            Evaluation = new { ForceOnClose = settings.PromptRatingOnVisitorClose, settings.VisitorMayRateUnprompted, MinVisitorMessages = settings.MinVisitorMessagesToRate },
        });
    }

    private static string Mode(LeaveMessageFieldMode mode) => mode.ToString().ToLowerInvariant();

    private static Task<IResult> StartSessionAsync(
        [FromBody] StartSessionRequest request, HttpContext http, VisitorSessionService sessions, ViolationText text,
        TrajectoryRecorder trajectory, CancellationToken cancellationToken) =>
        ApiProblems.GuardAsync(text, async () =>
        {
            var earlier = VisitorAuthenticator.TokenOf(http.Request, allowQuery: false) ?? request.VisitorToken;
            var session = await sessions.StartAsync(request, earlier, http.Connection.RemoteIpAddress, cancellationToken);
            if (request.Page is { Url: not null } page)
            {
                await trajectory.RecordAsync(session.VisitorToken, new TrackRequest(page.Url, page.Title, page.Referrer), http, cancellationToken);
            }

            return Results.Ok(session);
        });

    private static Task<IResult> GetConversationAsync(long id, HttpContext http, VisitorAuthenticator visitors, ConversationEngine engine,
        IDbContextFactory<CustomerServiceDbContext> dbFactory, ViolationText text, CancellationToken cancellationToken) =>
        WithVisitorAsync(http, visitors, text, id, async visitorId =>
        {
            if (await engine.GetConversationAsync(id) is { } live)
            {
                return Results.Ok(ConversationResponse.From(live));
            }

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var ended = await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == id, cancellationToken);
            return Results.Ok(new ConversationResponse(ended.Id, "ended", null, null, null, ended.LastSeq, ended.EndReason?.ToString()));
        });

    private static Task<IResult> PostMessageAsync(long id, [FromBody] PostMessageRequest request, HttpContext http, VisitorAuthenticator visitors,
        ConversationEngine engine, ViolationText text, IStringLocalizer<UiText> localizer) =>
        WithVisitorAsync(http, visitors, text, id, async visitorId =>
            Results.Ok(MessageResponse.From(await engine.AppendVisitorMessageAsync(visitorId, id, request.ClientId, request.Text), NoticeText(localizer))));

    private static Task<IResult> UploadAsync(long id, HttpContext http, VisitorAuthenticator visitors, UploadedFiles files, ViolationText text,
        IStringLocalizer<UiText> localizer, CancellationToken cancellationToken) =>
        WithVisitorAsync(http, visitors, text, id, async visitorId =>
            Results.Ok(MessageResponse.From(await files.AcceptVisitorUploadAsync(visitorId, id, http.Request, cancellationToken), NoticeText(localizer))));

    private static Task<IResult> Typing(long id, [FromBody] TypingRequest request, HttpContext http, VisitorAuthenticator visitors,
        ConversationEngine engine, ViolationText text) =>
        WithVisitorAsync(http, visitors, text, id, visitorId =>
        {
            engine.PreviewTyping(visitorId, id, request.Text);
            return Task.FromResult(Results.NoContent());
        });

    private static Task<IResult> RateAsync(long id, [FromBody] EvaluationRequest request, HttpContext http, VisitorAuthenticator visitors,
        ConversationEngine engine, ViolationText text) =>
        WithVisitorAsync(http, visitors, text, id, async visitorId =>
        {
            var best = await engine.RateAsync(visitorId, id, (EvaluationLevel)request.Level, request.Comment);
            return Results.Ok(new { Level = (int)best });
        });

    private static Task<IResult> CloseAsync(long id, HttpContext http, VisitorAuthenticator visitors, ConversationEngine engine, ViolationText text) =>
        WithVisitorAsync(http, visitors, text, id, async visitorId =>
            Results.Ok(ConversationResponse.From(await engine.CloseByVisitorAsync(visitorId, id))));

    private static Task<IResult> TranscriptAsync(long id, HttpContext http, VisitorAuthenticator visitors, ViolationText text,
        IDbContextFactory<CustomerServiceDbContext> dbFactory, IStringLocalizer<UiText> localizer, CancellationToken cancellationToken) =>
        WithVisitorAsync(http, visitors, text, id, async _ =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var zone = await EnterpriseClock.TimeZoneAsync(db, cancellationToken);
            var messages = await db.Messages.AsNoTracking().Where(m => m.ConversationId == id).OrderBy(m => m.Seq).ToListAsync(cancellationToken);
            var visitorName = localizer["Transcript.Visitor"].Value;
            var systemName = localizer["Transcript.System"].Value;
            var transcript = TranscriptFormatter.Format(
                messages.Select(m => new TranscriptMessage(
                    m.SentAt,
                    m.Sender switch { MessageSender.Visitor => visitorName, MessageSender.Agent => m.SenderName ?? string.Empty, _ => systemName },
                    m.Notice is { } code ? NoticeText(localizer)(code, m.Text) : m.StorageKey is null ? m.Text : null,
                    m.StorageKey is null ? null : m.FileName)),
                zone,
                localizer["Transcript.File"].Value);
            return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(transcript)).ToArray(), "text/plain; charset=utf-8", $"transcript-{id}.txt");
        }, allowQueryToken: true);

    private static Task<IResult> LeaveMessageAsync([FromBody] LeaveMessageRequest request, HttpContext http, VisitorAuthenticator visitors,
        LeaveMessageSettingsService settings, ConversationEngine engine, ViolationText text, CancellationToken cancellationToken) =>
        ApiProblems.GuardAsync(text, async () =>
        {
            var visitorId = await visitors.VisitorIdAsync(VisitorAuthenticator.TokenOf(http.Request, allowQuery: false), cancellationToken);
            var form = await settings.GetAsync(cancellationToken);
            RuleViolationException.ThrowIf(LeaveMessageForm.Check(form, request.Name, request.Phone, request.Email, request.Content));
            var content = new LeaveMessageContent(Blank(request.Name), Blank(request.Phone), Blank(request.Email), request.Content!.Trim());
            var id = await engine.LeaveMessageAsync(visitorId, request.Entry ?? string.Empty, content, request.ConversationId);
            return Results.Ok(new { Id = id });
        });

    private static Task<IResult> TrackAsync([FromBody] TrackRequest request, HttpContext http, TrajectoryRecorder trajectory, ViolationText text,
        CancellationToken cancellationToken) =>
        ApiProblems.GuardAsync(text, async () =>
        {
            var token = await trajectory.RecordAsync(VisitorAuthenticator.TokenOf(http.Request, allowQuery: false), request, http, cancellationToken);
            return token is null
                ? ApiProblems.From(new RuleViolation("Required", "PageView.Url"), text)
                : Results.Ok(new { VisitorToken = token });
        });

    /// <summary>Checks the token (401) and that the conversation is the visitor's (404), then runs the action.</summary>
    private static Task<IResult> WithVisitorAsync(
        HttpContext http, VisitorAuthenticator visitors, ViolationText text, long conversationId, Func<long, Task<IResult>> action, bool allowQueryToken = false) =>
        ApiProblems.GuardAsync(text, async () =>
        {
            var visitorId = await visitors.VisitorIdAsync(VisitorAuthenticator.TokenOf(http.Request, allowQueryToken), http.RequestAborted);
            if (visitorId is null)
            {
                return ApiProblems.Unauthorized(text);
            }

            if (!await visitors.OwnsConversationAsync(visitorId.Value, conversationId, http.RequestAborted))
            {
                return ApiProblems.NotFound(text);
            }

            http.RequestServices.GetRequiredService<VisitorLiveness>().Seen(conversationId); // a sign of life (SPEC D3)
            return await action(visitorId.Value);
        });

    public static Func<string, string, string> NoticeText(IStringLocalizer<UiText> localizer) =>
        (code, argument) => localizer[$"Notice.{code}", argument] is { ResourceNotFound: false } found ? found.Value : argument;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
