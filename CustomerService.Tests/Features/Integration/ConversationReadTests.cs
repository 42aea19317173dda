using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerService.Data;
using CustomerService.Domain.Conversations;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static CustomerService.Tests.Features.Integration.IntegrationApiTestKit;

namespace CustomerService.Tests.Features.Integration;

/// <summary>
/// SPEC N4: <c>GET /api/v1/conversations</c> pages through a period of local days (Asia/Shanghai in the demo data) by
/// an opaque cursor, each conversation exactly once; <c>/conversations/{id}/messages</c> is the transcript.
/// Each test uses its own month, so the conversations of one test never show in another's.
/// </summary>
public sealed class ConversationReadTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Paging_with_the_cursor_returns_each_conversation_of_the_period_once_in_request_order()
    {
        // 2025-04-01 00:00 in Shanghai is 2025-03-31 16:00 UTC; 2025-04-02 ends at 2025-04-02 16:00 UTC.
        var before = await new PastConversationBuilder().RequestedAt(Utc("2025-03-31T15:59:59")).SaveAsync(app.Services);
        var first = await new PastConversationBuilder().RequestedAt(Utc("2025-03-31T16:00:00")).SaveAsync(app.Services);
        var tiedA = await new PastConversationBuilder().RequestedAt(Utc("2025-04-01T03:00:00")).SaveAsync(app.Services);
        var tiedB = await new PastConversationBuilder().RequestedAt(Utc("2025-04-01T03:00:00")).SaveAsync(app.Services);
        var fourth = await new PastConversationBuilder().RequestedAt(Utc("2025-04-01T02:00:00")).SaveAsync(app.Services);
        var last = await new PastConversationBuilder().RequestedAt(Utc("2025-04-02T15:59:59")).SaveAsync(app.Services);
        var after = await new PastConversationBuilder().RequestedAt(Utc("2025-04-02T16:00:00")).SaveAsync(app.Services);
        using var client = Client(app);

        var pages = new List<Page>();
        string? cursor = null;
        do
        {
            var url = "/api/v1/conversations?from=2025-04-01&to=2025-04-02&limit=2" + (cursor is null ? string.Empty : "&cursor=" + cursor);
            var page = (await client.GetFromJsonAsync<Page>(url, Json))!;
            pages.Add(page);
            cursor = page.NextCursor;
        }
        while (cursor is not null && pages.Count < 10);

        Assert.Equal(new[] { 2, 2, 1 }, pages.Select(p => p.Items.Count));
        Assert.Equal(new[] { first.Id, fourth.Id, tiedA.Id, tiedB.Id, last.Id }, pages.SelectMany(p => p.Items).Select(c => c.Id));
        Assert.DoesNotContain(pages.SelectMany(p => p.Items), c => c.Id == before.Id || c.Id == after.Id);
        Assert.Null(pages[^1].NextCursor);
    }

    [Fact]
    public async Task A_conversation_carries_the_N4_fields()
    {
        var sales1 = await app.AccountIdAsync("sales1");
        var typeId = await AddConsultationTypeAsync("物流查询");
        var stored = await new PastConversationBuilder()
            .RequestedAt(Utc("2025-05-10T02:00:00"))
            .ForUser("u-1001")
            .ServedBy(sales1)
            .Answered()
            .RatedAs(EvaluationLevel.Satisfied, "很快")
            .SummarizedAs(typeId)
            .SaveAsync(app.Services);
        var unanswered = await new PastConversationBuilder().RequestedAt(Utc("2025-05-10T03:00:00")).StillOpen().SaveAsync(app.Services);
        using var client = Client(app);

        var page = (await client.GetFromJsonAsync<Page>("/api/v1/conversations?from=2025-05-10&to=2025-05-10", Json))!;

        var item = Assert.Single(page.Items, c => c.Id == stored.Id);
        Assert.Equal(Utc("2025-05-10T02:00:00"), item.RequestedAt);
        Assert.Equal(Utc("2025-05-10T02:01:00"), item.EndedAt);
        Assert.Equal("ended", item.State);
        Assert.Equal("sales1", item.AgentLogin);
        Assert.Equal(stored.VisitorId, item.VisitorId);
        Assert.Equal("u-1001", item.UserId);
        Assert.Equal("presale", item.Entry);
        Assert.True(item.Valid);
        Assert.Equal(new Rating(4, "satisfied", "很快"), item.Evaluation);
        Assert.Equal("物流查询", item.SummaryType);
        Assert.Equal(typeId, item.SummaryTypeId);

        var open = Assert.Single(page.Items, c => c.Id == unanswered.Id);
        Assert.Equal("queued", open.State);
        Assert.Null(open.EndedAt);
        Assert.Null(open.AgentLogin);
        Assert.Null(open.UserId);
        Assert.False(open.Valid);
        Assert.Null(open.Evaluation);
        Assert.Null(open.SummaryType);
    }

    [Theory]
    [InlineData("from=2025-13-01&to=2025-12-31", "from", "Error.DateFormat", "from")]
    [InlineData("from=2025/01/01&to=2025-01-31", "from", "Error.DateFormat", "from")]
    [InlineData("to=2025-01-31", "from", "Error.Required", "from")]
    [InlineData("from=2025-01-01", "to", "Error.Required", "to")]
    [InlineData("from=2025-02-01&to=2025-01-31", "to", "Error.ReportPeriodReversed")]
    [InlineData("from=2024-01-01&to=2025-01-01", "to", "Error.ReportPeriodTooLong", 366)]
    [InlineData("from=2025-01-01&to=2025-01-31&limit=0", "limit", "Error.LimitOutOfRange", 1, 500)]
    [InlineData("from=2025-01-01&to=2025-01-31&limit=501", "limit", "Error.LimitOutOfRange", 1, 500)]
    [InlineData("from=2025-01-01&to=2025-01-31&limit=ten", "limit", "Error.LimitOutOfRange", 1, 500)]
    [InlineData("from=2025-01-01&to=2025-01-31&cursor=not-a-cursor", "cursor", "Error.CursorMalformed")]
    public async Task A_bad_query_is_a_400_naming_the_field(string query, string field, string key, params object[] arguments)
    {
        using var client = Client(app);

        using var response = await client.GetAsync("/api/v1/conversations?" + query);

        var problem = await AssertValidationProblemAsync(response);
        Assert.Equal(new[] { field }, problem.Errors.Keys);
        Assert.Equal(new[] { UiTexts.Chinese(key, arguments) }, problem.Errors[field]);
    }

    [Fact]
    public async Task Every_bad_parameter_is_reported_at_once()
    {
        using var client = Client(app);

        using var response = await client.GetAsync("/api/v1/conversations?from=x&to=y&limit=0");

        var problem = await AssertValidationProblemAsync(response);
        Assert.Equal(new[] { "from", "limit", "to" }, problem.Errors.Keys.Order());
    }

    [Fact]
    public async Task Messages_follow_accept_language_english_on_request()
    {
        using var client = Client(app, language: "en-GB,en;q=0.9,zh;q=0.5");

        using var response = await client.GetAsync("/api/v1/conversations?from=2025-02-01&to=2025-01-31");

        var problem = await AssertValidationProblemAsync(response);
        Assert.Equal(new[] { UiTexts.English("Error.ReportPeriodReversed") }, problem.Errors["to"]);
    }

    [Fact]
    public async Task The_transcript_lists_every_message_in_order()
    {
        var sales1 = await app.AccountIdAsync("sales1");
        var stored = await new PastConversationBuilder().RequestedAt(Utc("2025-06-01T02:00:00")).ServedBy(sales1).Answered().SaveAsync(app.Services);
        using var client = Client(app);

        var transcript = (await client.GetFromJsonAsync<TranscriptJson>($"/api/v1/conversations/{stored.Id}/messages", Json))!;

        Assert.Equal(stored.Id, transcript.ConversationId);
        Assert.Equal(
            new[]
            {
                new MessageJson(1, "visitor", null, "text", "你好", Utc("2025-06-01T02:00:10"), null),
                new MessageJson(2, "agent", "客服小美", "text", "您好，请问有什么可以帮您？", Utc("2025-06-01T02:00:20"), null),
            },
            transcript.Messages);
    }

    [Fact]
    public async Task An_unknown_conversation_is_404_and_a_malformed_id_400()
    {
        using var client = Client(app);

        using var unknown = await client.GetAsync("/api/v1/conversations/9999999999999/messages");
        using var malformed = await client.GetAsync("/api/v1/conversations/abc/messages");

        var problem = await AssertProblemAsync(unknown, HttpStatusCode.NotFound);
        Assert.Equal(UiTexts.Chinese("Error.ConversationNotFound"), problem.Detail);
        var invalid = await AssertValidationProblemAsync(malformed);
        Assert.Equal(new[] { UiTexts.Chinese("Error.ConversationIdMalformed") }, invalid.Errors["id"]);
    }

    private async Task<int> AddConsultationTypeAsync(string name)
    {
        await using var scope = app.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerServiceDbContext>();
        var type = new ConsultationType(0, null, name);
        db.ConsultationTypes.Add(type);
        await db.SaveChangesAsync();
        return db.Entry(type).Property(t => t.Id).CurrentValue;
    }

    private static DateTime Utc(string value) =>
        DateTime.SpecifyKind(DateTime.Parse(value, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

    private sealed record Page(IReadOnlyList<Item> Items, string? NextCursor);

    private sealed record Item(
        long Id, DateTime RequestedAt, DateTime? EndedAt, string State, string? AgentLogin, long VisitorId, string? UserId, string? Entry,
        bool Valid, Rating? Evaluation, string? SummaryType, int? SummaryTypeId);

    private sealed record Rating(int Level, string Name, string? Comment);

    private sealed record TranscriptJson(long ConversationId, IReadOnlyList<MessageJson> Messages);

    private sealed record MessageJson(long Seq, string Sender, string? SenderName, string Kind, string Text, DateTime SentAt, FileJson? File);

    private sealed record FileJson(string Name, string? ContentType, long? Size);
}
