using CustomerService.Data;
using CustomerService.Domain.Branding;
using CustomerService.Domain.Common;
using CustomerService.Domain.Visitors;
using CustomerService.Web.Features.Visitors.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace CustomerService.Web.Features.Branding;

/// <summary>
/// The enterprise's public images — the logo of 企业信息 and the avatar of 统一客服: checked by content like every
/// upload (<see cref="EmojiImage"/>: an executable renamed .png is refused), stored in the <see cref="UploadStore"/>,
/// served to anyone at <see cref="BrandImage.UrlFor"/>. A refused image stores nothing.
/// </summary>
public sealed class BrandImages(IDbContextFactory<CustomerServiceDbContext> dbFactory, UploadStore store, TimeProvider clock)
{
    /// <summary>Stores the image and answers its public URL.</summary>
    /// <param name="length">The size the browser declared; the bytes read are checked again.</param>
    public async Task<Outcome<string>> SaveAsync(Stream content, string? fileName, long length, CancellationToken cancellationToken = default)
    {
        if (length > EmojiImage.MaxBrandImageBytes)
        {
            return new RuleViolation("ImageTooLarge", Path.GetFileName(fileName ?? "?"), EmojiImage.MaxBrandImageBytes / 1024);
        }

        var bytes = await ImageBytes.ReadCappedAsync(content, EmojiImage.MaxBrandImageBytes, cancellationToken);
        var checkedType = EmojiImage.Check(ImageBytes.Head(bytes), fileName, bytes.Length, EmojiImage.MaxBrandImageBytes);
        if (checkedType.Violation is { } violation)
        {
            return violation;
        }

        var key = await store.SaveAsync(new MemoryStream(bytes), "." + checkedType.Value!.Extension, clock.GetUtcNow().UtcDateTime, cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var image = new BrandImage(key, checkedType.Value.ContentType, bytes.Length);
            db.BrandImages.Add(image);
            await db.SaveChangesAsync(cancellationToken);
            return image.Url;
        }
        catch
        {
            store.Delete(key);
            throw;
        }
    }

    /// <summary>
    /// After a setting stopped pointing at <paramref name="formerUrl"/> (a logo or unified avatar replaced or removed):
    /// deletes that image, row and file, unless the other setting still shows it. A new upload always gets a new id, so a
    /// replaced image is never asked for by a fresh page again; kept, it would only grow the store with every change.
    /// </summary>
    public async Task ReleaseAsync(string? formerUrl, CancellationToken cancellationToken = default)
    {
        if (BrandImage.IdOf(formerUrl) is not { } id)
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.EnterpriseProfiles.AnyAsync(p => p.LogoUrl == formerUrl, cancellationToken)
            || await db.UnifiedAgentImages.AnyAsync(u => u.AvatarUrl == formerUrl, cancellationToken)
            || await db.BrandImages.FindAsync([id], cancellationToken) is not { } image)
        {
            return;
        }

        db.BrandImages.Remove(image);
        await db.SaveChangesAsync(cancellationToken);
        store.Delete(image.StorageKey);
    }

    /// <summary>GET /api/branding/images/{id}: public, immutable (a new upload gets a new id).</summary>
    public static async Task<IResult> ServeAsync(long id, HttpContext http, IDbContextFactory<CustomerServiceDbContext> dbFactory, UploadStore store)
    {
        await using var db = await dbFactory.CreateDbContextAsync(http.RequestAborted);
        var image = await db.BrandImages.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new { i.StorageKey, i.ContentType }).FirstOrDefaultAsync(http.RequestAborted);
        return ImageBytes.Serve(http, image is null ? null : store.Open(image.StorageKey), image?.ContentType);
    }
}

/// <summary>Reading an upload with a cap, and serving a public image safely.</summary>
internal static class ImageBytes
{
    /// <summary>Reads at most <paramref name="limit"/> + 1 bytes: a caller finding more knows the upload is too large.</summary>
    public static async Task<byte[]> ReadCappedAsync(Stream content, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while (buffer.Length <= limit && (read = await content.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit + 1 - buffer.Length)), cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public static ReadOnlySpan<byte> Head(byte[] bytes) => bytes.AsSpan(0, Math.Min(bytes.Length, UploadSniffer.HeaderLength));

    public static IResult Serve(HttpContext http, Stream? content, string? contentType)
    {
        if (content is null || contentType is null)
        {
            content?.Dispose();
            return Results.NotFound();
        }

        http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        http.Response.Headers[HeaderNames.ContentSecurityPolicy] = "default-src 'none'; sandbox";
        http.Response.Headers[HeaderNames.CacheControl] = "public, max-age=86400, immutable";
        // The merchant's page shows the logo and emoji from our origin.
        http.Response.Headers["Cross-Origin-Resource-Policy"] = "cross-origin";
        return Results.Stream(content, contentType);
    }
}
