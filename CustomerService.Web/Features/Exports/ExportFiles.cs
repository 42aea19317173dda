using System.Security.Cryptography;

namespace CustomerService.Web.Features.Exports;

/// <summary>
/// Where export files live: <c>exports</c> under the app's data folder (beside the SQLite file and uploads), never in
/// the database. A run writes to a temporary name and moves the file to its final name only when it is complete, so
/// a failed or cancelled run leaves no partial file behind; final names carry a random part, so a name cannot be guessed.
/// </summary>
public sealed class ExportFiles(string root)
{
    public string Root { get; } = root;

    /// <summary>The temporary file of a run of task <paramref name="taskId"/>.</summary>
    public string TemporaryPath(long taskId) => Path.Combine(Root, FormattableString.Invariant($"{taskId}.xlsx.part"));

    /// <summary>A new final name for task <paramref name="taskId"/>'s file.</summary>
    public static string NewFileName(long taskId) =>
        FormattableString.Invariant($"{taskId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}.xlsx");

    /// <summary>The full path of a stored file name; null for a name that is not one of ours (never leaves the folder).</summary>
    public string? PathOf(string? fileName) =>
        string.IsNullOrEmpty(fileName) || fileName != Path.GetFileName(fileName) ? null : Path.Combine(Root, fileName);

    public void EnsureRoot() => Directory.CreateDirectory(Root);

    /// <summary>Deletes a stored or temporary file if it is there.</summary>
    public static void DeleteQuietly(string? path)
    {
        if (path is not null && File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
