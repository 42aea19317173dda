using System.Diagnostics;
using System.Globalization;
using CustomerService.Data;
using CustomerService.Domain.Exports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerService.Web.Features.Exports;

/// <summary>
/// Runs queued export tasks one after another (SPEC G5). A task is claimed with a conditional update (queued →
/// running), so two nodes never run the same one; progress is written back at most once a second, and that same update
/// is how the run learns it was cancelled or deleted (it matches no row any more). The file is written under a
/// temporary name and moved into place only when complete: a failed, cancelled or interrupted run leaves nothing.
/// State changes of a running task go through conditional updates rather than the tracked entity because the owner may
/// cancel or delete it at the same moment from another context.
/// </summary>
public sealed class ExportRunner(
    IDbContextFactory<CustomerServiceDbContext> dbFactory, IEnumerable<IExportSource> sources, ExportFiles files,
    IOptions<ExportOptions> options, TimeProvider clock, ILogger<ExportRunner> logger)
{
    private static readonly TimeSpan ReportInterval = TimeSpan.FromSeconds(1);

    /// <summary>Runs every queued task, oldest first; returns how many it ran.</summary>
    public async Task<int> RunQueuedAsync(CancellationToken cancellationToken)
    {
        files.EnsureRoot();
        await RequeueStaleAsync(cancellationToken);
        var ran = 0;
        while (await ClaimNextAsync(cancellationToken) is { } task)
        {
            await RunAsync(task, cancellationToken);
            ran++;
        }

        return ran;
    }

    /// <summary>A running task silent past the stale limit lost its process: it starts again from the beginning.</summary>
    private async Task RequeueStaleAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var stale = now - TimeSpan.FromMinutes(options.Value.StaleAfterMinutes);
        await db.ExportTasks.Where(t => t.State == ExportState.Running && t.ProgressAt < stale)
            .ExecuteUpdateAsync(
                set => set.SetProperty(t => t.State, t => t.CancelRequested ? ExportState.Cancelled : ExportState.Queued)
                    .SetProperty(t => t.FinishedAt, t => t.CancelRequested ? now : t.FinishedAt),
                cancellationToken);
    }

    private async Task<ExportTask?> ClaimNextAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        while (true)
        {
            var next = await db.ExportTasks.Where(t => t.State == ExportState.Queued).OrderBy(t => t.Id).Select(t => (long?)t.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (next is not { } id)
            {
                return null;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var claimed = await db.ExportTasks.Where(t => t.Id == id && t.State == ExportState.Queued)
                .ExecuteUpdateAsync(
                    set => set.SetProperty(t => t.State, ExportState.Running).SetProperty(t => t.StartedAt, now).SetProperty(t => t.ProgressAt, now)
                        .SetProperty(t => t.RowsWritten, 0).SetProperty(t => t.RowsTotal, (int?)null).SetProperty(t => t.Error, (string?)null),
                    cancellationToken);
            if (claimed == 1)
            {
                return await db.ExportTasks.AsNoTracking().SingleAsync(t => t.Id == id, cancellationToken);
            }
        }
    }

    private async Task RunAsync(ExportTask task, CancellationToken cancellationToken)
    {
        var temporary = files.TemporaryPath(task.Id);
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            // Headers and texts in the owner's language of the moment he asked.
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(task.Culture);
            var source = sources.LastOrDefault(s => s.Kind == task.Kind) ?? throw new InvalidOperationException($"No export source for {task.Kind}.");
            var table = await source.OpenAsync(task.OwnerAccountId, task.Request, cancellationToken);
            if (!await ReportAsync(task.Id, 0, table.Total, cancellationToken))
            {
                await EndStoppedAsync(task.Id, cancellationToken);
                return;
            }

            int? written;
            var lastReport = Stopwatch.StartNew();
            await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                written = await XlsxExportWriter.WriteAsync(stream, table, async (rows, token) =>
                {
                    if (lastReport.Elapsed < ReportInterval)
                    {
                        return true;
                    }

                    lastReport.Restart();
                    return await ReportAsync(task.Id, rows, table.Total, token);
                }, cancellationToken);
            }

            if (written is not { } rowCount)
            {
                ExportFiles.DeleteQuietly(temporary);
                await EndStoppedAsync(task.Id, cancellationToken);
                return;
            }

            await FinishAsync(task, temporary, rowCount, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The app is stopping: the task is queued again and starts afresh at the next start.
            ExportFiles.DeleteQuietly(temporary);
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            await db.ExportTasks.Where(t => t.Id == task.Id && t.State == ExportState.Running)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.State, ExportState.Queued), CancellationToken.None);
        }
        catch (Exception exception)
        {
            ExportFiles.DeleteQuietly(temporary);
            logger.LogError(exception, "Export task {TaskId} failed.", task.Id);
            await FailAsync(task.Id, exception.Message, cancellationToken);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    private async Task FinishAsync(ExportTask task, string temporary, int rows, CancellationToken cancellationToken)
    {
        var fileName = ExportFiles.NewFileName(task.Id);
        var path = files.PathOf(fileName)!;
        File.Move(temporary, path);
        var size = new FileInfo(path).Length;
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = now.AddDays(options.Value.RetentionDays);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var done = await db.ExportTasks.Where(t => t.Id == task.Id && t.State == ExportState.Running && !t.CancelRequested)
            .ExecuteUpdateAsync(
                set => set.SetProperty(t => t.State, ExportState.Done).SetProperty(t => t.RowsWritten, rows).SetProperty(t => t.RowsTotal, rows)
                    .SetProperty(t => t.FileSize, size).SetProperty(t => t.FileName, fileName).SetProperty(t => t.FinishedAt, now)
                    .SetProperty(t => t.ProgressAt, now).SetProperty(t => t.ExpiresAt, expires),
                cancellationToken);
        if (done == 0)
        {
            // Cancelled or deleted in the last moment: the file goes with it.
            ExportFiles.DeleteQuietly(path);
            await EndStoppedAsync(task.Id, cancellationToken);
        }
    }

    /// <summary>Writes progress; false when the task was cancelled or deleted meanwhile (the run stops).</summary>
    private async Task<bool> ReportAsync(long taskId, int rows, int? total, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        // More rows than counted at the start (added since): the total follows, so progress never passes 100%.
        var shownTotal = total is { } counted ? Math.Max(counted, rows) : (int?)null;
        return await db.ExportTasks.Where(t => t.Id == taskId && t.State == ExportState.Running && !t.CancelRequested)
            .ExecuteUpdateAsync(
                set => set.SetProperty(t => t.RowsWritten, rows).SetProperty(t => t.RowsTotal, shownTotal).SetProperty(t => t.ProgressAt, now),
                cancellationToken) == 1;
    }

    /// <summary>A run that stopped on request: the task ends cancelled (unless it was deleted: then there is nothing to mark).</summary>
    private async Task EndStoppedAsync(long taskId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.ExportTasks.Where(t => t.Id == taskId && t.State == ExportState.Running)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.State, ExportState.Cancelled).SetProperty(t => t.FinishedAt, now), cancellationToken);
    }

    private async Task FailAsync(long taskId, string message, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var error = message.Length > ExportTask.ErrorMaxLength ? message[..ExportTask.ErrorMaxLength] : message;
        await db.ExportTasks.Where(t => t.Id == taskId && t.State == ExportState.Running)
            .ExecuteUpdateAsync(
                set => set.SetProperty(t => t.State, ExportState.Failed).SetProperty(t => t.Error, error).SetProperty(t => t.FinishedAt, now),
                cancellationToken);
    }
}
