namespace CustomerService.Benchmarks;

/// <summary>
/// The SQLite file a database benchmark works on, and a temporary folder for its other files: a fresh copy of the
/// source in that folder (the source, a kept <c>seed-history</c> database, is never written), or — with
/// <c>in-place</c> — the source itself, when it already is the caller's own copy: a year of history is 4.4 GB, and
/// copying it for every run doubles the disk and the page cache it needs.
/// </summary>
internal sealed class BenchmarkDatabase : IDisposable
{
    private BenchmarkDatabase(string file, string directory) => (File, Directory) = (file, directory);

    public string File { get; }

    /// <summary>Deleted with everything in it when the benchmark ends.</summary>
    public string Directory { get; }

    public static BenchmarkDatabase For(string source, bool inPlace, string prefix)
    {
        var directory = Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        if (inPlace)
        {
            Console.WriteLine($"working on {source} itself (in-place)");
            return new BenchmarkDatabase(source, directory);
        }

        var file = Path.Combine(directory, "customerservice.db");
        System.IO.File.Copy(source, file);
        return new BenchmarkDatabase(file, directory);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
