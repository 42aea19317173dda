using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Security;
using CustomerService.Domain.Visitors;
using CustomerService.Web.Features.Auth;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Features.Security;
using CustomerService.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace CustomerService.Web.Features.Visitors.Api;

/// <summary>
/// Uploads of images and files (SPEC D6, M): the size limit of the settings is enforced while reading, the type is
/// decided by the content (an executable renamed .jpg is refused), the bytes go to the <see cref="UploadStore"/>, and
/// downloads are served only to the conversation's visitor or to accounts whose data scope shows it, with a safe type and
/// disposition.
/// </summary>
public sealed class UploadedFiles(
    IDbContextFactory<CustomerServiceDbContext> dbFactory, UploadStore store, ConversationEngine engine, TimeProvider clock)
{
    public async Task<MessageView> AcceptVisitorUploadAsync(long visitorId, long conversationId, HttpRequest request, CancellationToken cancellationToken)
    {
        var limits = await LimitsAsync(cancellationToken);
        var largest = Math.Max(limits.MaxImageBytes, limits.MaxFileBytes);
        if (request.ContentLength is { } declared && declared > largest + 64 * 1024)
        {
            throw new RuleViolationException(new RuleViolation("UploadTooLarge", largest / 1024));
        }

        if (!request.HasFormContentType)
        {
            throw new RuleViolationException(new RuleViolation("UploadMissing"));
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var file = form.Files.GetFile("file") ?? throw new RuleViolationException(new RuleViolation("UploadMissing"));
        var clientId = form["clientId"].ToString() is { Length: > 0 } id ? id : null;
        await using var content = file.OpenReadStream();
        return await AcceptAsync(content, file.FileName, file.Length, limits,
            attachment => engine.AppendVisitorMessageAsync(visitorId, conversationId, clientId, null, attachment), cancellationToken);
    }

    /// <summary>An image the visitor picked rather than uploaded (a custom emoji, issue 16), under the same checks as an upload.</summary>
    public async Task<MessageView> AcceptVisitorFileAsync(
        long visitorId, long conversationId, Stream content, string? fileName, long length, string? clientId, CancellationToken cancellationToken)
    {
        var limits = await LimitsAsync(cancellationToken);
        return await AcceptAsync(content, fileName, length, limits,
            attachment => engine.AppendVisitorMessageAsync(visitorId, conversationId, clientId, null, attachment), cancellationToken);
    }

    /// <summary>The largest upload any kind allows, for readers that must cap a stream before they know its type.</summary>
    public async Task<long> LargestAllowedBytesAsync(CancellationToken cancellationToken = default)
    {
        var limits = await LimitsAsync(cancellationToken);
        return Math.Max(limits.MaxImageBytes, limits.MaxFileBytes);
    }

    /// <summary>An agent's image or file from the console (SPEC F6 toolbar), under the same checks as a visitor's.</summary>
    public async Task<MessageView> AcceptAgentUploadAsync(
        int agentId, long conversationId, Stream content, string? fileName, long length, string clientId, CancellationToken cancellationToken)
    {
        var limits = await LimitsAsync(cancellationToken);
        return await AcceptAsync(content, fileName, length, limits,
            attachment => engine.AppendAgentMessageAsync(agentId, conversationId, clientId, null, attachment), cancellationToken);
    }

    /// <summary>
    /// Sniffs the type from the first bytes, checks the kind's limit, stores the bytes and appends the message; the stored
    /// copy is removed again when the message is refused or turns out to be a resend.
    /// </summary>
    private async Task<MessageView> AcceptAsync(
        Stream content, string? fileName, long length, UploadLimits limits, Func<Attachment, Task<MessageView>> append, CancellationToken cancellationToken)
    {
        var head = new byte[Math.Min(UploadSniffer.HeaderLength, (int)Math.Min(length, int.MaxValue))];
        await content.ReadExactlyAsync(head, cancellationToken);
        var sniffed = UploadSniffer.Sniff(head, fileName);
        RuleViolationException.ThrowIf(sniffed.Violation);
        RuleViolationException.ThrowIf(limits.Check(sniffed.Value!.Kind, length));

        var key = await store.SaveAsync(new ConcatenatedStream(head, content), "." + sniffed.Value.Extension, clock.GetUtcNow().UtcDateTime, cancellationToken);
        try
        {
            var name = Path.GetFileName(fileName);
            var attachment = new Attachment(string.IsNullOrWhiteSpace(name) ? "file." + sniffed.Value.Extension : name[..Math.Min(name.Length, 200)],
                sniffed.Value.ContentType, length, key);
            var message = await append(attachment);
            if (message.StorageKey != key)
            {
                store.Delete(key);   // a resend of an upload already stored: keep the first copy only
            }

            return message;
        }
        catch
        {
            store.Delete(key);
            throw;
        }
    }

    /// <summary>
    /// GET /api/files/{messageId}: the conversation's visitor (token, or the signed link his chat page was given by
    /// <see cref="VisitorFileLinks"/>), or a signed-in account whose records scope shows
    /// the visitor (SPEC B: a team lead his group's, QC and admins all, an agent those he served). Being signed in is
    /// not enough; anyone else gets the same 404 as for a file that does not exist.
    /// </summary>
    public static async Task<IResult> DownloadAsync(
        long messageId, HttpContext http, VisitorAuthenticator visitors, IAuthorizationService authorization, DataScopeFilter dataScope,
        IDbContextFactory<CustomerServiceDbContext> dbFactory, UploadStore store, VisitorFileLinks fileLinks, ViolationText text)
    {
        await using var db = await dbFactory.CreateDbContextAsync(http.RequestAborted);
        var message = await db.Messages.AsNoTracking()
            .Where(m => m.Id == messageId && m.StorageKey != null)
            .Select(m => new { m.ConversationId, m.StorageKey, m.FileName, m.ContentType, m.Kind })
            .FirstOrDefaultAsync(http.RequestAborted);
        var allowed = message is not null
            && (fileLinks.Grants(http.Request.Query[VisitorFileLinks.QueryParameter].ToString(), messageId)
                || await StaffMaySeeAsync(http, authorization, dataScope, db, messageId)
                || (await visitors.VisitorIdAsync(VisitorAuthenticator.TokenOf(http.Request, allowQuery: true), http.RequestAborted) is { } visitorId
                    && await visitors.OwnsConversationAsync(visitorId, message.ConversationId, http.RequestAborted)));
        if (!allowed || store.Open(message!.StorageKey!) is not { } stream)
        {
            return Results.Problem(text.Describe(new RuleViolation("FileNotFound")), statusCode: StatusCodes.Status404NotFound);
        }

        http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        http.Response.Headers[HeaderNames.ContentSecurityPolicy] = "default-src 'none'; sandbox";
        // Images may show inline in the chat; everything else is a download, never rendered by the browser.
        var contentType = message.ContentType ?? "application/octet-stream";
        if (message.Kind == MessageKind.Image)
        {
            http.Response.Headers[HeaderNames.ContentDisposition] = $"inline; filename*=UTF-8''{Uri.EscapeDataString(message.FileName ?? "image")}";
            return Results.Stream(stream, contentType);
        }

        return Results.File(stream, contentType, message.FileName ?? "file");
    }

    private static async Task<bool> StaffMaySeeAsync(
        HttpContext http, IAuthorizationService authorization, DataScopeFilter dataScope, CustomerServiceDbContext db, long messageId)
    {
        if (http.User.Identity?.IsAuthenticated != true || !(await authorization.AuthorizeAsync(http.User, nameof(Permission.Console))).Succeeded)
        {
            return false;
        }

        var visible = await dataScope.ForAsync(http.User.AccountId(), ScopedModule.Records, http.RequestAborted);
        return await visible.Files(db).AnyAsync(m => m.Id == messageId, http.RequestAborted);
    }

    private async Task<UploadLimits> LimitsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.ConversationSettingsAsync(cancellationToken);
        return new UploadLimits(settings.ImageMaxKilobytes * 1024L, settings.FileMaxKilobytes * 1024L);
    }

    /// <summary>The sniffed head followed by the rest of a forward-only upload stream (a browser file cannot seek).</summary>
    private sealed class ConcatenatedStream(byte[] head, Stream rest) : Stream
    {
        private int _headPosition;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_headPosition < head.Length)
            {
                var count = Math.Min(buffer.Length, head.Length - _headPosition);
                head.AsMemory(_headPosition, count).CopyTo(buffer);
                _headPosition += count;
                return count;
            }

            return await rest.ReadAsync(buffer, cancellationToken);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
