using CustomerService.Domain.Common;
using CustomerService.Web.Features.Visitors.Api;
using CustomerService.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CustomerService.Web.Features.Branding;

/// <summary>
/// Public images (logo and unified avatar, custom emoji) and the visitor's side of custom emoji: the groups for his
/// picker, and sending one (<c>POST /api/visitor/conversations/{id}/emoji</c>, checked like the other conversation routes).
/// </summary>
public static class BrandingEndpoints
{
    public static IEndpointRouteBuilder MapBrandingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/branding/images/{id:long}", BrandImages.ServeAsync).AllowAnonymous();
        app.MapGet("/api/emoji/{id:long}", EmojiCatalog.ServeAsync).AllowAnonymous();

        var visitor = app.MapGroup("/api/visitor").AllowAnonymous().DisableAntiforgery().RequireCors(VisitorApiCors.Policy)
            .AddEndpointFilter<RuleViolationFilter>()
            .AddEndpointFilter<VisitorInputFilter>();
        visitor.MapGet("/emoji", async (EmojiCatalog catalog, CancellationToken cancellationToken) => Results.Ok(new { Groups = await catalog.ListAsync(cancellationToken) }));
        visitor.MapPost("/conversations/{id}/emoji", SendEmojiAsync)
            .AddEndpointFilter<ConversationCallerFilter>()
            .RequireRateLimiting(VisitorApiEndpoints.PostPolicy);
        return app;
    }

    private static async Task<IResult> SendEmojiAsync([FromBody] SendEmojiRequest request, ConversationCaller caller, EmojiCatalog catalog, UploadedFiles files,
        VisitorAgentImage agentImage, IStringLocalizer<UiText> localizer, VisitorFileLinks fileLinks, CancellationToken cancellationToken)
    {
        var emoji = await catalog.OpenAsync(request.EmojiId, cancellationToken)
            ?? throw new RuleViolationException(new RuleViolation("EmojiNotFound"));
        await using var content = emoji.Content;
        var message = await files.AcceptVisitorFileAsync(caller.VisitorId, caller.ConversationId, content, emoji.FileName, emoji.Size, request.ClientId, cancellationToken);
        var lens = await agentImage.CurrentAsync(cancellationToken);
        return Results.Ok(lens.Render(message, VisitorApiEndpoints.NoticeText(localizer), fileLinks));
    }
}

public sealed record SendEmojiRequest(long EmojiId, string? ClientId);
