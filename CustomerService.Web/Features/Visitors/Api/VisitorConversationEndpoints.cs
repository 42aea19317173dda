using CustomerService.Data;
using CustomerService.Domain.Conversations;
using CustomerService.Web.Features.Branding;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace CustomerService.Web.Features.Visitors.Api;

/// <summary>The <c>/api/visitor/conversations/{id}</c> routes of SPEC N2; <see cref="ConversationCallerFilter"/> has checked the caller.</summary>
public static class VisitorConversationEndpoints
{
    public static void MapVisitorConversations(this RouteGroupBuilder api)
    {
        var conversation = api.MapGroup("/conversations/{id}").AddEndpointFilter<ConversationCallerFilter>();
        conversation.MapGet("", GetAsync);
        conversation.MapPost("/messages", PostMessageAsync).RequireRateLimiting(VisitorApiEndpoints.PostPolicy);
        conversation.MapPost("/files", UploadAsync).RequireRateLimiting(VisitorApiEndpoints.PostPolicy);
        conversation.MapGet("/events", VisitorEventStream.StreamAsync).WithMetadata(VisitorTokenInQuery.Instance);
        conversation.MapPost("/typing", Typing);
        conversation.MapPost("/evaluation", RateAsync).RequireRateLimiting(VisitorApiEndpoints.PostPolicy);
        conversation.MapPost("/close", CloseAsync);
        conversation.MapGet("/transcript", TranscriptAsync).WithMetadata(VisitorTokenInQuery.Instance);
    }

    private static async Task<IResult> GetAsync(ConversationCaller caller, ConversationEngine engine,
        IDbContextFactory<CustomerServiceDbContext> dbFactory, VisitorAgentImage agentImage, CancellationToken cancellationToken)
    {
        if (await engine.GetConversationAsync(caller.ConversationId) is { } live)
        {
            return Results.Ok((await agentImage.CurrentAsync(cancellationToken)).Render(live));
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ended = await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == caller.ConversationId, cancellationToken);
        return Results.Ok(new ConversationResponse(ended.Id, "ended", null, null, null, ended.LastSeq, ended.EndReason?.ToString()));
    }

    private static async Task<IResult> PostMessageAsync([FromBody] PostMessageRequest request, ConversationCaller caller, ConversationEngine engine,
        IStringLocalizer<UiText> localizer, VisitorFileLinks fileLinks, VisitorAgentImage agentImage)
    {
        var message = await engine.AppendVisitorMessageAsync(caller.VisitorId, caller.ConversationId, request.ClientId, request.Text);
        return Results.Ok((await agentImage.CurrentAsync()).Render(message, VisitorApiEndpoints.NoticeText(localizer), fileLinks));
    }

    private static async Task<IResult> UploadAsync(ConversationCaller caller, HttpContext http, UploadedFiles files, IStringLocalizer<UiText> localizer,
        VisitorFileLinks fileLinks, VisitorAgentImage agentImage, CancellationToken cancellationToken)
    {
        var message = await files.AcceptVisitorUploadAsync(caller.VisitorId, caller.ConversationId, http.Request, cancellationToken);
        return Results.Ok((await agentImage.CurrentAsync(cancellationToken)).Render(message, VisitorApiEndpoints.NoticeText(localizer), fileLinks));
    }

    private static IResult Typing([FromBody] TypingRequest request, ConversationCaller caller, ConversationEngine engine)
    {
        engine.PreviewTyping(caller.VisitorId, caller.ConversationId, request.Text);
        return Results.NoContent();
    }

    private static async Task<IResult> RateAsync([FromBody] EvaluationRequest request, ConversationCaller caller, ConversationEngine engine)
    {
        var best = await engine.RateAsync(caller.VisitorId, caller.ConversationId, (EvaluationLevel)request.Level, request.Comment, request.Solved);
        return Results.Ok(new { Level = (int)best });
    }

    private static async Task<IResult> CloseAsync(ConversationCaller caller, ConversationEngine engine, VisitorAgentImage agentImage) =>
        Results.Ok((await agentImage.CurrentAsync()).Render(await engine.CloseByVisitorAsync(caller.VisitorId, caller.ConversationId)));

    private static async Task<IResult> TranscriptAsync(ConversationCaller caller, HttpContext http, TranscriptQuery transcripts, CancellationToken cancellationToken)
    {
        // A text download must never be sniffed into HTML by an old browser (SPEC M safe content types).
        http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        var text = await transcripts.TextAsync(caller.ConversationId, cancellationToken);
        return Results.File(text, "text/plain; charset=utf-8", $"transcript-{caller.ConversationId}.txt");
    }
}
