using System.ComponentModel;

namespace CustomerService.Web.Features.Integration.Conversations;

// The JSON of SPEC N4's conversation reads. Public contract: add fields freely, never rename. The descriptions are the
// OpenAPI document's (an API reference for developers, in English).

[Description("A page of conversations in request order.")]
public sealed record ConversationPage(
    [property: Description("The conversations of this page, oldest request first.")] IReadOnlyList<ConversationItem> Items,
    [property: Description("Pass as `cursor` (with the same `from`, `to` and `limit`) for the next page; null on the last page.")] string? NextCursor);

[Description("One consultation, from the visitor's request to its end.")]
public sealed record ConversationItem(
    [property: Description("Conversation id.")] long Id,
    [property: Description("When the visitor asked for an agent (UTC, ISO 8601).")] DateTime RequestedAt,
    [property: Description("When it ended (UTC); null while it is queued or active.")] DateTime? EndedAt,
    [property: Description("queued, active or ended.")] string State,
    [property: Description("Login name of the responsible agent (the last one after transfers); null if no agent took it.")] string? AgentLogin,
    [property: Description("The visitor's id in this system.")] long VisitorId,
    [property: Description("The merchant's own user id the widget signed (SPEC E1); null for anonymous visitors.")] string? UserId,
    [property: Description("Consultation entry code the visitor came through.")] string? Entry,
    [property: Description("Valid consultation: the visitor and an agent each sent at least one message.")] bool Valid,
    [property: Description("The visitor's rating; null when not rated.")] ConversationRating? Evaluation,
    [property: Description("Name of the consultation type the agent filed in the summary; null when not summarised.")] string? SummaryType,
    [property: Description("Id of that consultation type.")] int? SummaryTypeId);

[Description("The visitor's rating of a conversation.")]
public sealed record ConversationRating(
    [property: Description("1 very dissatisfied … 5 very satisfied.")] int Level,
    [property: Description("verySatisfied, satisfied, neutral, dissatisfied or veryDissatisfied.")] string Name,
    [property: Description("The visitor's comment, if any.")] string? Comment);

[Description("A conversation's transcript.")]
public sealed record Transcript(
    [property: Description("Conversation id.")] long ConversationId,
    [property: Description("Every message in order of `seq`.")] IReadOnlyList<TranscriptMessage> Messages);

[Description("One message of a transcript.")]
public sealed record TranscriptMessage(
    [property: Description("Position in the conversation, from 1, without gaps.")] long Seq,
    [property: Description("visitor, agent or system (auto-replies and notices).")] string Sender,
    [property: Description("The name shown at the time: the agent's external name, the visitor's name; null if none.")] string? SenderName,
    [property: Description("text, image, file or notice.")] string Kind,
    [property: Description("The text; for a file or image its file name; for a notice the sentence in the request's language.")] string Text,
    [property: Description("When it was sent (UTC, ISO 8601).")] DateTime SentAt,
    [property: Description("The attached file of an image or file message; null otherwise.")] TranscriptFile? File);

[Description("A file attached to a message.")]
public sealed record TranscriptFile(
    [property: Description("File name as uploaded.")] string Name,
    [property: Description("Content type it is served with.")] string? ContentType,
    [property: Description("Size in bytes.")] long? Size);
