namespace CustomerService.Web.Features.Visitors.Api;

/// <summary>
/// Keeps uploaded bytes outside wwwroot, under the data directory, named by a key the server chooses (never the
/// uploader's file name), so nothing uploaded can be executed or served without the access check.
/// </summary>
/// <param name="root">The folder uploads live in: <c>uploads</c> under the data directory.</param>
public sealed class UploadStore(string root)
{
    private readonly string _root = Path.GetFullPath(root);

    public async Task<string> SaveAsync(Stream content, string extension, DateTime now, CancellationToken cancellationToken)
    {
        var key = $"{now:yyyy}/{now:MM}/{Guid.NewGuid():N}{extension}";
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await content.CopyToAsync(file, cancellationToken);
        return key;
    }

    public Stream? Open(string key)
    {
        var path = PathOf(key);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    public void Delete(string key) => File.Delete(PathOf(key));

    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(_root, key));
        return path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new ArgumentException("The storage key leaves the upload folder.", nameof(key));
    }
}
