using System.Net.Http.Json;
using System.Text.Json;
using CustomerService.Web.Features.Visitors.Api;

namespace CustomerService.Tests.Builders;

/// <summary>Drives the SPEC N2 visitor API as the chat page does: one visitor, his token on every call.</summary>
public sealed class VisitorApiClient(HttpClient http)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A file's path without the signed access its visitor's answer carries: what the scope rules alone decide.</summary>
    public static string PlainFilePath(string url) => url.Contains('?', StringComparison.Ordinal) ? url[..url.IndexOf('?', StringComparison.Ordinal)] : url;

    public HttpClient Http { get; } = http;

    public string? Token { get; private set; }

    public long ConversationId { get; private set; }

    /// <summary>Carries a token the visitor got elsewhere (the page-view beacon) on the following calls.</summary>
    public void UseToken(string token) => Token = token;

    public async Task<SessionResponse> StartAsync(string entry = "presale", SignedUser? user = null, PageInfo? page = null)
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/visitor/sessions",
            new StartSessionRequest(entry, page ?? new PageInfo("https://shop.example.com/product/1", "商品", null), user, null));
        response.EnsureSuccessStatusCode();
        var session = (await response.Content.ReadFromJsonAsync<SessionResponse>(Json))!;
        Token = session.VisitorToken;
        ConversationId = session.ConversationId ?? 0;
        return session;
    }

    public Task<HttpResponseMessage> PostMessageAsync(string? text, string? clientId = null, long? conversationId = null) =>
        SendAsync(HttpMethod.Post, $"/api/visitor/conversations/{conversationId ?? ConversationId}/messages",
            new PostMessageRequest(clientId ?? Guid.NewGuid().ToString("N"), text));

    public async Task<MessageResponse> SendMessageAsync(string text, string? clientId = null)
    {
        using var response = await PostMessageAsync(text, clientId);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<MessageResponse>(Json))!;
    }

    public Task<HttpResponseMessage> UploadAsync(byte[] content, string fileName)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName } };
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/visitor/conversations/{ConversationId}/files") { Content = form };
        Authorize(request);
        return Http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, string? token = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        Authorize(request, token);
        return await Http.SendAsync(request);
    }

    /// <summary>Opens the event stream; read it with <see cref="SseReader"/>.</summary>
    public async Task<HttpResponseMessage> OpenEventsAsync(long? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/visitor/conversations/{ConversationId}/events");
        Authorize(request);
        if (lastEventId is { } id)
        {
            request.Headers.Add("Last-Event-ID", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    private void Authorize(HttpRequestMessage request, string? token = null)
    {
        if ((token ?? Token) is { } value)
        {
            request.Headers.Add(VisitorToken.Header, value);
        }
    }
}

/// <summary>Reads Server-Sent Events frames (<c>id</c>, <c>event</c>, <c>data</c>) from a response stream.</summary>
public sealed class SseReader(Stream stream)
{
    private readonly StreamReader _reader = new(stream);
    private readonly List<string> _comments = [];

    /// <summary>The comment lines (<c>: text</c>) read so far, without the colon.</summary>
    public IReadOnlyList<string> Comments => _comments;

    public async Task<(long? Id, string Event, string Data)> NextAsync(CancellationToken cancellationToken)
    {
        long? id = null;
        string? name = null;
        var data = new List<string>();
        while (true)
        {
            var line = await _reader.ReadLineAsync(cancellationToken) ?? throw new EndOfStreamException();
            if (line.Length == 0)
            {
                if (data.Count > 0)
                {
                    return (id, name ?? "message", string.Join('\n', data));
                }

                continue;
            }

            if (line.StartsWith(':'))
            {
                _comments.Add(line[1..].Trim());
            }
            else if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = long.Parse(line[4..], System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data.Add(line[6..]);
            }
        }
    }

    /// <summary>The next <paramref name="count"/> message events, skipping state events.</summary>
    public async Task<List<MessageResponse>> MessagesAsync(int count, CancellationToken cancellationToken)
    {
        var messages = new List<MessageResponse>();
        while (messages.Count < count)
        {
            var frame = await NextAsync(cancellationToken);
            if (frame.Event == "message")
            {
                messages.Add(JsonSerializer.Deserialize<MessageResponse>(frame.Data, VisitorApiClient.Json)!);
            }
        }

        return messages;
    }
}
