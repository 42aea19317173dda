using System.Net;
using System.Net.Http.Json;
using CustomerService.Data;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Visitors;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Features.Visitors.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Visitors.Api;

/// <summary>SPEC N2 against the whole app with the demo data; sales1 and sales2 are online in the engine.</summary>
public sealed class VisitorApiTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
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

    /// <summary>Each test leaves the agents free again: the class shares one app, and two agents hold ten conversations.</summary>
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
    public async Task Starting_a_session_gives_a_token_and_an_active_conversation_with_the_agents_external_name()
    {
        var visitor = NewVisitor();

        var session = await visitor.StartAsync();

        Assert.True(VisitorToken.LooksValid(session.VisitorToken));
        Assert.Equal("active", session.State);
        Assert.Contains(session.Agent!.Name, new[] { "客服小美", "客服小丽" });
    }

    [Fact]
    public async Task A_returning_token_gets_the_same_open_conversation()
    {
        var visitor = NewVisitor();
        var first = await visitor.StartAsync();

        var again = await visitor.StartAsync();

        Assert.Equal(first.VisitorToken, again.VisitorToken);
        Assert.Equal(first.ConversationId, again.ConversationId);
    }

    [Fact]
    public async Task Unknown_entry_is_a_problem_and_stores_nothing()
    {
        var before = await CountAsync(db => db.Visitors);

        using var response = await NewVisitor().SendAsync(HttpMethod.Post, "/api/visitor/sessions", new StartSessionRequest("nope", null, null, null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await CountAsync(db => db.Visitors));
    }

    [Fact]
    public async Task Messages_are_stored_with_a_sequence_number_and_a_resend_returns_the_same_message()
    {
        var visitor = NewVisitor();
        await visitor.StartAsync();

        var first = await visitor.SendMessageAsync("你好", "client-abc");
        var resent = await visitor.SendMessageAsync("你好", "client-abc");

        Assert.Equal(first.Id, resent.Id);
        Assert.Equal(first.Seq, resent.Seq);
        Assert.Equal(1, await CountAsync(db => db.Messages.Where(m => m.ClientId == "client-abc")));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public async Task An_empty_message_is_refused_with_a_problem_and_nothing_is_stored(string? text)
    {
        var visitor = NewVisitor();
        await visitor.StartAsync();
        var before = await CountAsync(db => db.Messages);

        using var response = await visitor.PostMessageAsync(text);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal(UiTexts.Chinese("Error.MessageEmpty"), problem!.Detail);
        Assert.Equal(before, await CountAsync(db => db.Messages));
    }

    [Fact]
    public async Task A_message_of_5001_characters_is_refused()
    {
        var visitor = NewVisitor();
        await visitor.StartAsync();

        using var response = await visitor.PostMessageAsync(new string('a', 5001));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Html_in_a_message_is_stored_and_returned_as_the_literal_text()
    {
        var visitor = NewVisitor();
        await visitor.StartAsync();

        var message = await visitor.SendMessageAsync("<script>alert(1)</script><b>hi</b>");

        Assert.Equal("<script>alert(1)</script><b>hi</b>", message.Text);
    }

    [Fact]
    public async Task Missing_or_wrong_token_is_401_and_another_visitors_conversation_is_404()
    {
        var owner = NewVisitor();
        await owner.StartAsync();
        var stranger = NewVisitor();
        await stranger.StartAsync();

        using var missing = await NewVisitor().PostMessageAsync("hi", conversationId: owner.ConversationId);
        using var wrong = await owner.SendAsync(HttpMethod.Get, $"/api/visitor/conversations/{owner.ConversationId}", token: new string('x', 43));
        using var foreign = await stranger.PostMessageAsync("hi", conversationId: owner.ConversationId);

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task Reconnecting_with_Last_Event_ID_replays_exactly_the_missed_messages_in_order()
    {
        var visitor = NewVisitor();
        await visitor.StartAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        long k;
        using (var stream = await visitor.OpenEventsAsync())
        {
            var reader = new SseReader(await stream.Content.ReadAsStreamAsync(timeout.Token));
            var welcome = await reader.MessagesAsync(1, timeout.Token);
            for (var i = 1; i <= 3; i++)
            {
                await visitor.SendMessageAsync($"第 {i} 条", $"before-{i}");
            }

            var seen = await reader.MessagesAsync(3, timeout.Token);
            Assert.Equal(["第 1 条", "第 2 条", "第 3 条"], seen.Select(m => m.Text));
            k = seen[^1].Seq;
        }

        for (var i = 4; i <= 6; i++)
        {
            await visitor.SendMessageAsync($"第 {i} 条", $"after-{i}");
        }

        using var resumed = await visitor.OpenEventsAsync(lastEventId: k);
        var resumedReader = new SseReader(await resumed.Content.ReadAsStreamAsync(timeout.Token));
        var replayed = await resumedReader.MessagesAsync(3, timeout.Token);
        Assert.Equal(["第 4 条", "第 5 条", "第 6 条"], replayed.Select(m => m.Text));
        Assert.Equal([k + 1, k + 2, k + 3], replayed.Select(m => m.Seq));

        // Live messages follow the replay without a duplicate.
        var agentId = (await Engine.GetConversationAsync(visitor.ConversationId))!.AgentId!.Value;
        await Engine.AppendAgentMessageAsync(agentId, visitor.ConversationId, "agent-live", "您好");
        var live = await resumedReader.MessagesAsync(1, timeout.Token);
        Assert.Equal(("您好", "agent", k + 4), (live[0].Text, live[0].Sender, live[0].Seq));
    }

    [Fact]
    public async Task An_oversize_image_is_413_and_an_executable_renamed_jpg_is_refused_and_nothing_is_stored()
    {
        var visitor = NewVisitor();
        await visitor.StartAsync();
        var before = await CountAsync(db => db.Messages);
        var png = UploadSamples.Png();
        var oversize = png.Concat(new byte[1024 * 1024]).ToArray();

        using var tooBig = await visitor.UploadAsync(oversize, "big.png");
        using var disguised = await visitor.UploadAsync(UploadSamples.WindowsExe(), "photo.jpg");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, disguised.StatusCode);
        Assert.Equal(before, await CountAsync(db => db.Messages));
    }

    [Fact]
    public async Task An_uploaded_image_is_served_to_its_visitor_with_a_safe_type_and_to_nobody_else()
    {
        var visitor = NewVisitor();
        await visitor.StartAsync();
        using var upload = await visitor.UploadAsync(UploadSamples.Png(), "商品.png");
        upload.EnsureSuccessStatusCode();
        var message = (await upload.Content.ReadFromJsonAsync<MessageResponse>(VisitorApiClient.Json))!;

        var path = VisitorApiClient.PlainFilePath(message.File!.Url);
        using var own = await visitor.SendAsync(HttpMethod.Get, path);
        using var anonymous = await app.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("image/png", own.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", own.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
    }

    [Fact]
    public async Task An_uploaded_file_is_served_to_its_agent_and_admins_but_not_to_an_agent_who_never_served_the_visitor()
    {
        var visitor = NewVisitor();
        var session = await visitor.StartAsync();
        using var upload = await visitor.UploadAsync(UploadSamples.Png(), "a.png");
        var url = VisitorApiClient.PlainFilePath((await upload.Content.ReadFromJsonAsync<MessageResponse>(VisitorApiClient.Json))!.File!.Url);
        var servingLogin = session.Agent!.Name == "客服小美" ? "sales1" : "sales2";

        using var serving = await (await app.SignInAsync(servingLogin)).GetAsync(url);
        using var admin = await (await app.SignInAsync("admin")).GetAsync(url);
        using var stranger = await (await app.SignInAsync("sales3")).GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, serving.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
    }

    [Fact]
    public async Task A_forged_signature_makes_an_anonymous_regular_visitor_and_a_valid_one_identifies_a_vip()
    {
        string secret;
        await using (var db = NewContext())
        {
            secret = (await db.ConsultationEntries.SingleAsync(e => e.Code == "presale")).Secret;
        }

        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var user = new WidgetUser("u-42", "张三", true, now);
        var forged = NewVisitor();
        await forged.StartAsync(user: new SignedUser("u-42", "张三", true, now, new string('0', 64)));
        var signed = NewVisitor();
        await signed.StartAsync(user: new SignedUser("u-42", "张三", true, now, WidgetSignature.Sign(user, secret)));

        await using var check = NewContext();
        var forgedVisitor = await check.Visitors.SingleAsync(v => v.TokenHash == VisitorToken.Hash(forged.Token!));
        var signedVisitor = await check.Visitors.SingleAsync(v => v.TokenHash == VisitorToken.Hash(signed.Token!));
        Assert.Equal((null, false), (forgedVisitor.ExternalUserId, forgedVisitor.IsVip));
        Assert.Equal(("u-42", true), (signedVisitor.ExternalUserId, signedVisitor.IsVip));
    }

    [Fact]
    public async Task Leave_message_without_required_content_is_refused_and_a_valid_one_is_stored()
    {
        var before = await CountAsync(db => db.LeaveMessages);

        using var refused = await NewVisitor().SendAsync(HttpMethod.Post, "/api/visitor/leave-messages",
            new LeaveMessageRequest("presale", "张三", null, null, "", null));
        using var accepted = await NewVisitor().SendAsync(HttpMethod.Post, "/api/visitor/leave-messages",
            new LeaveMessageRequest("presale", "张三", "13800000000", null, "请联系我", null));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(before + 1, await CountAsync(db => db.LeaveMessages));
    }

    [Fact]
    public async Task Closing_ends_the_conversation_and_the_transcript_downloads_as_text()
    {
        var visitor = NewVisitor();
        await visitor.StartAsync();
        await visitor.SendMessageAsync("请问发货时间");

        using var closed = await visitor.SendAsync(HttpMethod.Post, $"/api/visitor/conversations/{visitor.ConversationId}/close");
        using var transcript = await app.CreateClient().GetAsync(
            $"/api/visitor/conversations/{visitor.ConversationId}/transcript?token={visitor.Token}");

        Assert.Equal("ended", (await closed.Content.ReadFromJsonAsync<ConversationResponse>(VisitorApiClient.Json))!.State);
        Assert.Equal("text/plain", transcript.Content.Headers.ContentType?.MediaType);
        Assert.Contains("请问发货时间", await transcript.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Typing_preview_is_accepted_and_not_stored()
    {
        var visitor = NewVisitor();
        await visitor.StartAsync();
        var before = await CountAsync(db => db.Messages);

        using var response = await visitor.SendAsync(HttpMethod.Post, $"/api/visitor/conversations/{visitor.ConversationId}/typing", new TypingRequest("我想"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(before, await CountAsync(db => db.Messages));
    }

    [Fact]
    public async Task The_entry_endpoint_gives_the_widget_its_colour_and_allows_any_origin()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/visitor/entries/presale");
        request.Headers.Add("Origin", "https://shop.example.com");

        using var response = await app.CreateClient().SendAsync(request);

        response.EnsureSuccessStatusCode();
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Matches("^#[0-9A-F]{6}$", (await response.Content.ReadFromJsonAsync<EntryResponse>(VisitorApiClient.Json))!.SkinColor);
    }

    [Fact]
    public async Task The_start_page_is_recorded_in_the_trajectory_with_its_source()
    {
        var visitor = NewVisitor();
        await visitor.StartAsync(page: new PageInfo("https://shop.example.com/product/9", "手机", "https://www.baidu.com/s?wd=%E6%89%8B%E6%9C%BA"));

        await using var db = NewContext();
        var hash = VisitorToken.Hash(visitor.Token!);
        var visitorId = await db.Visitors.Where(v => v.TokenHash == hash).Select(v => v.Id).SingleAsync();
        var view = await db.PageViews.SingleAsync(p => p.VisitorId == visitorId);
        Assert.Equal((TrafficSourceKind.SearchEngine, SearchEngine.Baidu, "手机"), (view.SourceKind, view.SearchEngine!.Value, view.Keyword));
    }

    [Fact]
    public async Task A_first_page_view_registers_the_visitor_and_the_next_views_keep_his_token_without_counting_a_repeat_twice()
    {
        var client = NewVisitor();

        using var first = await client.SendAsync(HttpMethod.Post, "/api/visitor/track", new TrackRequest("https://shop.example.com/", "首页", null));
        var token = (await first.Content.ReadFromJsonAsync<SessionTokenAnswer>(VisitorApiClient.Json))!.VisitorToken;
        using var second = await client.SendAsync(HttpMethod.Post, "/api/visitor/track",
            new TrackRequest("https://shop.example.com/cart", "购物车", "https://shop.example.com/"), token);
        using var repeated = await client.SendAsync(HttpMethod.Post, "/api/visitor/track",
            new TrackRequest("https://shop.example.com/cart", "购物车", "https://shop.example.com/"), token);
        using var empty = await client.SendAsync(HttpMethod.Post, "/api/visitor/track", new TrackRequest(null, null, null), token);

        Assert.Equal(token, (await second.Content.ReadFromJsonAsync<SessionTokenAnswer>(VisitorApiClient.Json))!.VisitorToken);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        await using var db = NewContext();
        var hash = VisitorToken.Hash(token);
        var views = await db.PageViews.Where(p => db.Visitors.Any(v => v.Id == p.VisitorId && v.TokenHash == hash)).OrderBy(p => p.Id).ToListAsync();
        Assert.Equal(["https://shop.example.com/", "https://shop.example.com/cart"], views.Select(v => v.Url));
        Assert.Equal([TrafficSourceKind.Direct, TrafficSourceKind.Internal], views.Select(v => v.SourceKind));
    }

    [Fact]
    public async Task The_product_card_the_page_passes_is_kept_with_the_conversation()
    {
        var visitor = NewVisitor();
        using var response = await visitor.SendAsync(HttpMethod.Post, "/api/visitor/sessions", new StartSessionRequest(
            "presale", new PageInfo("https://shop.example.com/p/7", "手机", null), null,
            new ProductInfo("7", "旗舰手机", "3999", "https://shop.example.com/p/7", "https://shop.example.com/p/7.jpg")));
        var session = (await response.Content.ReadFromJsonAsync<SessionResponse>(VisitorApiClient.Json))!;

        await using var db = NewContext();
        var stored = await db.Conversations.SingleAsync(c => c.Id == session.ConversationId);
        Assert.Equal(("旗舰手机", "3999", "https://shop.example.com/p/7.jpg"), (stored.ProductName, stored.ProductPrice, stored.ProductImageUrl));
    }

    private sealed record SessionTokenAnswer(string VisitorToken);

    private CustomerServiceDbContext NewContext() =>
        app.Services.GetRequiredService<IDbContextFactory<CustomerServiceDbContext>>().CreateDbContext();

    private async Task<int> CountAsync<T>(Func<CustomerServiceDbContext, IQueryable<T>> query)
    {
        await using var db = NewContext();
        return await query(db).CountAsync();
    }
}
