using CustomerService.Data;
using CustomerService.Domain.Exports;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Exports;

/// <summary>
/// Deletes finished files past their retention date and marks their tasks expired (SPEC G5): the task stays in
/// 导出管理 so its owner sees what happened to it. The row is marked first, then the file deleted: a crash between the
/// two leaves a stray file (swept with the temporary files), never a listed download without its file.
/// </summary>
public sealed class ExportRetention(IDbContextFactory<CustomerServiceDbContext> dbFactory, ExportFiles files, TimeProvider clock)
{
    private const int Batch = 200;

    /// <summary>One pass; returns how many tasks expired.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var due = await db.ExportTasks.Where(t => t.State == ExportState.Done && t.ExpiresAt <= now).OrderBy(t => t.Id).Take(Batch)
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                break;
            }

            var paths = due.Select(t => files.PathOf(t.FileName)).ToList();
            foreach (var task in due)
            {
                task.Expire();
            }

            await db.SaveChangesAsync(cancellationToken);
            paths.ForEach(ExportFiles.DeleteQuietly);
            expired += due.Count;
        }

        await SweepStrayFilesAsync(cancellationToken);
        return expired;
    }

    /// <summary>Files no task row names (deleted tasks, crashed runs' temporary files), once no run could still be writing them.</summary>
    private async Task SweepStrayFilesAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(files.Root))
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var named = (await db.ExportTasks.AsNoTracking().Where(t => t.FileName != null).Select(t => t.FileName!).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var running = (await db.ExportTasks.AsNoTracking().Where(t => t.State == ExportState.Running).Select(t => t.Id).ToListAsync(cancellationToken))
            .ToHashSet();
        var oldEnough = clock.GetUtcNow().UtcDateTime.AddHours(-1);
        foreach (var path in Directory.EnumerateFiles(files.Root))
        {
            var name = Path.GetFileName(path);
            var taskId = long.TryParse(name.AsSpan(0, Math.Max(0, name.IndexOfAny(['-', '.']))), out var id) ? id : (long?)null;
            if (named.Contains(name) || (taskId is { } owner && running.Contains(owner)) || File.GetLastWriteTimeUtc(path) > oldEnough)
            {
                continue;
            }

            ExportFiles.DeleteQuietly(path);
        }
    }
}
