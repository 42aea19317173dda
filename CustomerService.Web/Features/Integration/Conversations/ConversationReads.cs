using System.ComponentModel;
using System.Globalization;
using CustomerService.Domain.Common;
using CustomerService.Web.Features.Reporting.Api;
using CustomerService.Web.Features.Visitors.Api;
using CustomerService.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CustomerService.Web.Features.Integration.Conversations;

/// <summary><c>GET /api/v1/conversations</c> and <c>GET /api/v1/conversations/{id}/messages</c> (SPEC N4).</summary>
public static class ConversationReads
{
    public static RouteGroupBuilder MapConversationReads(this RouteGroupBuilder api)
    {
        api.MapGet("/conversations", ListAsync)
            .WithName("ListConversations")
            .WithTags("Conversations")
            .WithSummary("List conversations of a period")
            .WithDescription(
                "Conversations whose request falls within `from`..`to` (local dates of the enterprise time zone, both " +
                "included, at most 366 days), oldest request first. Pages are keyset-based: pass the `nextCursor` of a " +
                "page as `cursor` with the same `from`, `to` and `limit` to get the next one; each conversation appears " +
                "on exactly one page.")
            .Produces<ConversationPage>()
            .ProducesValidationProblem();

        api.MapGet("/conversations/{id}/messages", MessagesAsync)
            .WithName("GetConversationMessages")
            .WithTags("Conversations")
            .WithSummary("Read a conversation's transcript")
            .WithDescription("Every message of the conversation in order, notices in the request's language (`Accept-Language`: zh-CN or en).")
            .Produces<Transcript>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListAsync(
        [Description("First local date, `YYYY-MM-DD`, included.")] string? from,
        [Description("Last local date, `YYYY-MM-DD`, included; at most 366 days after `from`.")] string? to,
        [Description("The `nextCursor` of the previous page; omit for the first page.")] string? cursor,
        [Description("Conversations per page, 1–500; default 100.")] string? limit,
        ConversationFeed feed,
        ViolationText text,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var (period, periodProblems) = ReportQuery.Period(from, to);
        foreach (var (field, violation) in periodProblems)
        {
            errors.Add(field, violation);
        }

        ConversationCursor? after = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            after = ConversationCursor.TryDecode(cursor);
            errors.Add("cursor", after is null ? new RuleViolation("CursorMalformed") : null);
        }

        var size = ConversationFeed.DefaultLimit;
        if (!string.IsNullOrEmpty(limit)
            && !(int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) && size is >= 1 and <= ConversationFeed.MaxLimit))
        {
            errors.Add("limit", new RuleViolation("LimitOutOfRange", 1, ConversationFeed.MaxLimit));
        }

        if (errors.Any)
        {
            return errors.ToProblem(text);
        }

        return Results.Ok(await feed.ListAsync(period!.Value, after, size, cancellationToken));
    }

    private static async Task<IResult> MessagesAsync(
        [Description("Conversation id.")] string id,
        ConversationFeed feed,
        ViolationText text,
        IStringLocalizer<UiText> localizer,
        CancellationToken cancellationToken)
    {
        // Parsed here rather than by a route constraint, so a malformed id is a 400 naming the field (ADR 010).
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var conversationId))
        {
            return new FieldErrors().Add("id", new RuleViolation("ConversationIdMalformed")).ToProblem(text);
        }

        return await feed.TranscriptAsync(conversationId, VisitorApiEndpoints.NoticeText(localizer), cancellationToken) is { } transcript
            ? Results.Ok(transcript)
            : ApiProblems.NotFound(text);
    }
}
