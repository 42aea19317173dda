using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Visitors;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Features.Visitors.Api;
using CustomerService.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerService.Web.Features.Invitations;

/// <summary>The widget's presence poll: where the visitor is, answered with the invitation waiting for him, if any.</summary>
public sealed record PresenceRequest(string? Entry, string? Url);

/// <summary>An invitation as the widget shows it (agent's external name and avatar, the text).</summary>
public sealed record InvitationResponse(long Id, string AgentName, string? AgentAvatar, string Text, DateTime ExpiresAt);

public sealed record PresenceResponse(InvitationResponse? Invitation);

/// <summary>The page the accepted conversation starts from (its source, key page and product, like a session start).</summary>
public sealed record AcceptInvitationRequest(PageInfo? Page);

/// <summary>
/// The accept answered: the conversation with the inviting agent (<paramref name="WithInvitingAgent"/>), or, when he could
/// no longer take the visitor, what ordinary routing gave instead (<paramref name="State"/> <c>active</c>, <c>queued</c> or
/// <c>leave-message</c>, as a session start says) and a <paramref name="Notice"/> telling the visitor so.
/// </summary>
public sealed record AcceptInvitationResponse(long? ConversationId, string State, bool WithInvitingAgent, string? Notice);

/// <summary>
/// Visitor side of 主动邀请 (SPEC D13): <c>POST /api/visitor/presence</c> (the beacon frame's poll),
/// <c>POST /api/visitor/invitations/{id}/accept</c> and <c>/decline</c>. The visitor token is the credential, as in N2.
/// </summary>
public static class InvitationVisitorEndpoints
{
    /// <summary>How long the automatic rule waits after finding no agent to invite through (all busy, or a recent invitation).</summary>
    public static readonly TimeSpan AutoInviteRetry = TimeSpan.FromMinutes(1);

    public static IEndpointRouteBuilder MapInvitationVisitorApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/visitor").AllowAnonymous().DisableAntiforgery().RequireCors(VisitorApiCors.Policy)
            .AddEndpointFilter<RuleViolationFilter>();
        // Polled every 5 s by every open page: limited per visitor like his other posts, so a script cannot spin it.
        api.MapPost("/presence", PresenceAsync).RequireRateLimiting(VisitorApiEndpoints.PostPolicy);
        api.MapPost("/invitations/{id:long}/accept", AcceptAsync).RequireRateLimiting(VisitorApiEndpoints.PostPolicy);
        api.MapPost("/invitations/{id:long}/decline", DeclineAsync).RequireRateLimiting(VisitorApiEndpoints.PostPolicy);
        return app;
    }

    private static async Task<IResult> PresenceAsync(
        [FromBody] PresenceRequest request, HttpContext http, VisitorAuthenticator visitors, OnlineVisitors online, ConsultationEntryCodes entries,
        ConversationEngine engine, InvitationSettingsService settings, ViolationText text, TimeProvider clock, CancellationToken cancellationToken)
    {
        RuleViolationException.ThrowIf(
            (string.IsNullOrWhiteSpace(request.Entry) ? new RuleViolation("Required", "Invitation.Entry") : null)
            ?? (string.IsNullOrWhiteSpace(request.Url) ? new RuleViolation("Required", "PageView.Url") : null)
            ?? InputText.Check("Invitation.Entry", request.Entry, Domain.Organisation.ConsultationEntry.CodeMaxLength)
            ?? InputText.Check("PageView.Url", request.Url, InputLimits.PageUrl));
        if (await visitors.VisitorIdAsync(VisitorAuthenticator.TokenOf(http.Request, allowQuery: false), cancellationToken) is not { } visitorId)
        {
            return ApiProblems.Unauthorized(text);
        }

        // A page of no entry would put the visitor among nobody's 在线访客 and feed the automatic rule an entry it cannot route.
        RuleViolationException.ThrowIf(await entries.ExistsAsync(request.Entry!, cancellationToken) ? null : new RuleViolation("EntryUnknown"));
        var seen = online.Seen(visitorId, request.Entry!, request.Url!);
        var now = clock.GetUtcNow().UtcDateTime;
        var pending = engine.PendingInvitationFor(visitorId, now);
        if (pending is null && !(seen.AutoInviteNotBefore > now)
            && (await settings.GetAsync(cancellationToken)).AutoInvites(seen.PageUrl, seen.PageSince, now))
        {
            // The engine's answer holds for a while: invited, he is not asked again within the quiet period; nobody to
            // invite through, the rule tries again a minute later — never on every poll through the engine's loop.
            pending = await engine.AutoInviteAsync(visitorId, seen.EntryCode);
            online.DeferAutoInvite(visitorId, now + (pending is null ? AutoInviteRetry : ConversationEngine.AutoInviteQuietPeriod));
        }

        return Results.Ok(new PresenceResponse(pending is null ? null
            : new InvitationResponse(pending.Id, pending.AgentName, pending.AgentAvatarUrl, pending.Text, pending.ExpiresAt)));
    }

    private static async Task<IResult> AcceptAsync(
        long id, [FromBody] AcceptInvitationRequest? request, HttpContext http, VisitorAuthenticator visitors, ConversationEngine engine,
        IDbContextFactory<CustomerServiceDbContext> dbFactory, ViolationText text, IStringLocalizer<UiText> ui, CancellationToken cancellationToken)
    {
        var page = request?.Page;
        RuleViolationException.ThrowIf(
            InputText.Check("PageView.Url", page?.Url, InputLimits.PageUrl)
            ?? InputText.Check("PageView.Title", page?.Title, InputLimits.PageTitle)
            ?? InputText.Check("PageView.Referrer", page?.Referrer, InputLimits.PageUrl));
        if (await visitors.VisitorIdAsync(VisitorAuthenticator.TokenOf(http.Request, allowQuery: false), cancellationToken) is not { } visitorId)
        {
            return ApiProblems.Unauthorized(text);
        }

        // VIP as at a session start (SPEC D2.7): a signed VIP, or a conversation that starts from a cart or order page.
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var keyPages = await db.KeyPages.AsNoTracking().ToListAsync(cancellationToken);
        var answer = await engine.AcceptInvitationAsync(
            visitorId, id, KeyPageMatcher.MakesVisitorVip(keyPages, page?.Url),
            new StartContext(page?.Url, page?.Title, page?.Referrer, VisitorAddress.Text(http.Connection.RemoteIpAddress)));
        var result = answer.Result;
        return Results.Ok(new AcceptInvitationResponse(
            result.Conversation?.Id,
            result.Outcome == StartOutcome.LeaveMessage ? "leave-message" : ConversationResponse.StateName(result.Conversation!.State),
            answer.WithdrawnBecause is null,
            answer.WithdrawnBecause is null ? null : ui["Invitations.WithdrawnNotice"].Value));
    }

    private static async Task<IResult> DeclineAsync(
        long id, HttpContext http, VisitorAuthenticator visitors, ConversationEngine engine, ViolationText text, CancellationToken cancellationToken)
    {
        if (await visitors.VisitorIdAsync(VisitorAuthenticator.TokenOf(http.Request, allowQuery: false), cancellationToken) is not { } visitorId)
        {
            return ApiProblems.Unauthorized(text);
        }

        await engine.DeclineInvitationAsync(visitorId, id);
        return Results.NoContent();
    }
}
