using System.Net;
using System.Net.Http.Json;
using System.Text;
using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Visitors;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Features.Visitors.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Visitors.Api;

/// <summary>
/// Findings of testing the running visitor API from outside (SPEC M, N2): every refusal is a problem with the right
/// status, over-long or control-character input changes nothing, the stream survives a bogus Last-Event-ID, and the
/// session answer says what became of the widget's identity.
/// </summary>
public sealed class VisitorApiHardeningTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private const string ProblemJson = "application/problem+json";

    private ConversationEngine Engine => app.Services.GetRequiredService<ConversationEngine>();

    public async Task InitializeAsync()
    {
        foreach (var login in new[] { "sales1", "sales2" })
        {
            var id = await app.AccountIdAsync(login);
            await Engine.AgentConnectedAsync(id);
            await Engine.SetStatusAsync(id, AgentStatus.Online);
        }
    }

    public async Task DisposeAsync()
    {
        var admin = await app.AccountIdAsync("admin");
        foreach (var open in await Engine.GetOpenConversationsAsync())
        {
            await Engine.EndByAgentAsync(admin, open.Id);
        }
    }

    private VisitorApiClient NewVisitor() => new(app.CreateClient());

    [Fact]
    public async Task A_Last_Event_ID_beyond_the_last_message_is_capped_and_new_messages_still_arrive_live()
    {
        var visitor = NewVisitor();
        await visitor.StartAsync();
        await visitor.SendMessageAsync("第一条");
        var second = await visitor.SendMessageAsync("第二条");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using var stream = await visitor.OpenEventsAsync(lastEventId: 99999);
        var reader = new SseReader(await stream.Content.ReadAsStreamAsync(timeout.Token));
        await visitor.SendMessageAsync("第三条");
        var live = await reader.MessagesAsync(1, timeout.Token);

        Assert.Equal(("第三条", second.Seq + 1), (live[0].Text, live[0].Seq));
        Assert.Contains($"last-event-id capped at {second.Seq}", reader.Comments);
    }

    [Theory]
    [InlineData("GET", "abc")]
    [InlineData("GET", "9223372036854775808")]
    [InlineData("GET", "abc/events")]
    [InlineData("POST", "abc/close")]
    public async Task A_malformed_conversation_id_with_a_valid_token_is_400_not_401(string method, string path)
    {
        var visitor = NewVisitor();
        await visitor.StartAsync();

        using var response = await visitor.SendAsync(new HttpMethod(method), $"/api/visitor/conversations/{path}");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, UiTexts.Chinese("Error.ConversationIdMalformed"));
    }

    [Fact]
    public async Task A_malformed_file_id_is_400()
    {
        using var response = await app.CreateClient().GetAsync("/api/files/abc");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, UiTexts.Chinese("Error.FileIdMalformed"));
    }

    [Fact]
    public async Task An_unknown_api_route_is_404_even_with_a_valid_token()
    {
        var visitor = NewVisitor();
        await visitor.StartAsync();

        using var response = await visitor.SendAsync(HttpMethod.Get, "/api/visitor/nothing-here");

        await AssertProblemAsync(response, HttpStatusCode.NotFound, UiTexts.Chinese("Error.ApiRouteNotFound", "GET", "/api/visitor/nothing-here"));
    }

    [Fact]
    public async Task A_wrong_method_is_405_with_the_allowed_ones()
    {
        var visitor = NewVisitor();
        await visitor.StartAsync();

        using var sessions = await visitor.SendAsync(HttpMethod.Get, "/api/visitor/sessions");
        using var conversation = await visitor.SendAsync(HttpMethod.Delete, $"/api/visitor/conversations/{visitor.ConversationId}");

        await AssertProblemAsync(sessions, HttpStatusCode.MethodNotAllowed, UiTexts.Chinese("Error.MethodNotAllowed", "GET", "POST"));
        Assert.Equal(["POST"], sessions.Content.Headers.Allow);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, conversation.StatusCode);
    }

    [Fact]
    public async Task A_wrong_media_type_is_415_and_stores_nothing()
    {
        var visitor = NewVisitor();
        await visitor.StartAsync();
        var before = await CountAsync(db => db.Messages);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/visitor/conversations/{visitor.ConversationId}/messages")
        {
            Content = new StringContent("""{"clientId":"c1","text":"你好"}""", Encoding.UTF8, "text/plain"),
        };
        request.Headers.Add(VisitorToken.Header, visitor.Token);

        using var response = await visitor.Http.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, UiTexts.Chinese("Error.UnsupportedMediaType", "text/plain; charset=utf-8"));
        Assert.Equal(before, await CountAsync(db => db.Messages));
    }

    [Fact]
    public async Task A_missing_token_is_still_401_with_a_problem()
    {
        var owner = NewVisitor();
        await owner.StartAsync();

        using var response = await app.CreateClient().GetAsync($"/api/visitor/conversations/{owner.ConversationId}");

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, UiTexts.Chinese("Error.VisitorTokenInvalid"));
    }

    [Fact]
    public async Task A_cors_preflight_of_the_session_start_is_204_with_the_widget_policy()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/visitor/sessions");
        request.Headers.Add("Origin", "https://shop.example.com");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add(VisitorToken.Header, new string('x', 43));

        using var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("GET", response.Headers.GetValues("Access-Control-Allow-Methods").Single());
    }

    [Fact]
    public async Task A_100000_character_evaluation_comment_is_refused_per_field_and_nothing_is_rated()
    {
        var visitor = NewVisitor();
        await visitor.StartAsync();
        await visitor.SendMessageAsync("谢谢");

        using var response = await visitor.SendAsync(HttpMethod.Post, $"/api/visitor/conversations/{visitor.ConversationId}/evaluation",
            new EvaluationRequest(5, new string('好', 100_000)));

        var problem = await AssertValidationProblemAsync(response);
        Assert.Equal([UiTexts.Chinese("Error.TooLong", UiTexts.Chinese("Field.Evaluation.Comment"), InputLimits.EvaluationComment)], problem.Errors["comment"]);
        await using var db = NewContext();
        var stored = await db.Conversations.SingleAsync(c => c.Id == visitor.ConversationId);
        Assert.Null(stored.EvaluationComment);
        Assert.Null(stored.EvaluationLevel);
        Assert.Equal(0, stored.RatingCount);
    }

    [Fact]
    public async Task An_over_long_page_title_and_a_control_character_in_the_users_name_refuse_the_session_and_store_nothing()
    {
        var visitors = await CountAsync(db => db.Visitors);
        var conversations = await CountAsync(db => db.Conversations);

        using var response = await NewVisitor().SendAsync(HttpMethod.Post, "/api/visitor/sessions", new StartSessionRequest(
            "presale", new PageInfo("https://shop.example.com/p/1", new string('标', InputLimits.PageTitle + 1), null),
            new SignedUser("u-1", "张\u0007三", false, 0, null), null));

        var problem = await AssertValidationProblemAsync(response);
        Assert.Equal(["page.title", "user.name"], problem.Errors.Keys.Order());
        Assert.Equal(UiTexts.Chinese("Error.ControlCharacters", UiTexts.Chinese("Field.Visitor.Name")), problem.Errors["user.name"].Single());
        Assert.Equal((visitors, conversations), (await CountAsync(db => db.Visitors), await CountAsync(db => db.Conversations)));
    }

    [Fact]
    public async Task An_over_long_page_view_is_refused_instead_of_cut()
    {
        using var response = await NewVisitor().SendAsync(HttpMethod.Post, "/api/visitor/track",
            new TrackRequest("https://shop.example.com/" + new string('a', InputLimits.PageUrl), "首页", null));

        var problem = await AssertValidationProblemAsync(response);
        Assert.Equal(["url"], problem.Errors.Keys);
    }

    [Fact]
    public async Task Control_characters_in_a_message_are_refused_but_line_feeds_and_tabs_are_kept()
    {
        var visitor = NewVisitor();
        await visitor.StartAsync();

        using var refused = await visitor.PostMessageAsync("你好\u001b[2J");
        var kept = await visitor.SendMessageAsync("第一行\n\t第二行");

        var problem = await AssertValidationProblemAsync(refused);
        Assert.Equal(["text"], problem.Errors.Keys);
        Assert.Equal("第一行\n\t第二行", kept.Text);
    }

    [Fact]
    public async Task A_leave_message_with_control_characters_is_refused_and_not_stored()
    {
        var before = await CountAsync(db => db.LeaveMessages);

        using var response = await NewVisitor().SendAsync(HttpMethod.Post, "/api/visitor/leave-messages",
            new LeaveMessageRequest("presale", "张三", "13800000000", null, "请联系我\0", null));

        var problem = await AssertValidationProblemAsync(response);
        Assert.Equal(["content"], problem.Errors.Keys);
        Assert.Equal(before, await CountAsync(db => db.LeaveMessages));
    }

    [Fact]
    public async Task The_session_answer_says_whether_the_widget_identity_was_verified_anonymous_or_rejected_and_why()
    {
        var secret = await PresaleSecretAsync();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var twoDaysAgo = now - (long)TimeSpan.FromDays(2).TotalSeconds;

        var verified = await NewVisitor().StartAsync(user: Signed(new WidgetUser("u-1", "张三", false, now), secret));
        var anonymous = await NewVisitor().StartAsync();
        var forged = await NewVisitor().StartAsync(user: new SignedUser("u-1", "张三", true, now, new string('0', 64)));
        var expired = await NewVisitor().StartAsync(user: Signed(new WidgetUser("u-1", "张三", false, twoDaysAgo), secret));
        var incomplete = await NewVisitor().StartAsync(user: new SignedUser("u-1", "张三", true, now, null));

        Assert.Equal(("verified", null), (verified.Identity, verified.IdentityReason));
        Assert.Equal(("anonymous", null), (anonymous.Identity, anonymous.IdentityReason));
        Assert.Equal(("rejected", "signature-invalid"), (forged.Identity, forged.IdentityReason));
        Assert.Equal(("rejected", "signature-expired"), (expired.Identity, expired.IdentityReason));
        Assert.Equal(("rejected", "signature-missing-fields"), (incomplete.Identity, incomplete.IdentityReason));
        Assert.Equal("active", forged.State);
    }

    [Fact]
    public async Task The_widget_can_check_an_identity_cross_origin_and_learns_why_it_is_rejected()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/visitor/entries/presale/identity");
        preflight.Headers.Add("Origin", "https://shop.example.com");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type");
        using var allowed = await app.CreateClient().SendAsync(preflight);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        using var checkedUser = await NewVisitor().SendAsync(HttpMethod.Post, "/api/visitor/entries/presale/identity",
            new SignedUser("u-1", "张三", true, now, new string('0', 64)));

        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal("POST", allowed.Headers.GetValues("Access-Control-Allow-Methods").Single());
        var answer = await checkedUser.Content.ReadFromJsonAsync<IdentityResponse>(VisitorApiClient.Json);
        Assert.Equal(new IdentityResponse("rejected", "signature-invalid"), answer);
    }

    [Fact]
    public async Task The_transcript_is_served_with_nosniff()
    {
        var visitor = NewVisitor();
        await visitor.StartAsync();

        using var transcript = await visitor.SendAsync(HttpMethod.Get, $"/api/visitor/conversations/{visitor.ConversationId}/transcript");

        Assert.Equal(HttpStatusCode.OK, transcript.StatusCode);
        Assert.Contains("nosniff", transcript.Headers.GetValues("X-Content-Type-Options"));
    }

    private static SignedUser Signed(WidgetUser user, string secret) =>
        new(user.Id, user.Name, user.Vip, user.Timestamp!.Value, WidgetSignature.Sign(user, secret));

    private async Task<string> PresaleSecretAsync()
    {
        await using var db = NewContext();
        return (await db.ConsultationEntries.SingleAsync(e => e.Code == "presale")).Secret;
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detail)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(detail, (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
    }

    private static async Task<HttpValidationProblemDetails> AssertValidationProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>())!;
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail));
        return problem;
    }

    private CustomerServiceDbContext NewContext() =>
        app.Services.GetRequiredService<IDbContextFactory<CustomerServiceDbContext>>().CreateDbContext();

    private async Task<int> CountAsync<T>(Func<CustomerServiceDbContext, IQueryable<T>> query)
    {
        await using var db = NewContext();
        return await query(db).CountAsync();
    }
}
