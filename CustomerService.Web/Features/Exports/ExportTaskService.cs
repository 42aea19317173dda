using System.Globalization;
using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Exports;
using CustomerService.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Exports;

/// <summary>One task as 导出管理 lists it.</summary>
public sealed record ExportTaskView(
    long Id, string Name, ExportKind Kind, ExportState State, bool CancelRequested, int RowsWritten, int? RowsTotal, long? FileSize,
    string? Error, DateTime CreatedAt, DateTime? FinishedAt, DateTime? ExpiresAt, int OwnerAccountId, string OwnerName);

/// <summary>
/// Export tasks as their owners handle them (SPEC G5): queue one for a search, list, cancel, delete, open the file.
/// Who sees a task: its owner, and the administrators (SPEC G5 “admins: all”; an admin's data scope is every row of
/// every module, so a colleague's file shows him nothing he could not export himself — ADR 019). Anyone else is told
/// the task does not exist (<c>Exports.NotFound</c>: 404), and nothing changes.
/// </summary>
public sealed class ExportTaskService(
    IDbContextFactory<CustomerServiceDbContext> dbFactory, ExportFiles files, IExportQueue queue, TimeProvider clock)
{
    private static readonly SemaphoreSlim QueueGate = new(1, 1);

    /// <summary>Queues an export of a search; the request is the search as its kind's source reads it.</summary>
    public async Task<Outcome<long>> QueueAsync(int accountId, string? name, ExportKind kind, string request, CancellationToken cancellationToken = default)
    {
        // The name is checked before anything is read: bad input costs nothing.
        if (ExportTask.CheckName(name) is { } violation)
        {
            return violation;
        }

        // Counted and inserted as one step, or ten tabs asking at once would all count the same free places. One gate
        // per process is enough: the app runs as one process (the conversation engine is in memory too).
        await QueueGate.WaitAsync(cancellationToken);
        try
        {
            return await QueueWithinLimitAsync(accountId, name, kind, request, cancellationToken);
        }
        finally
        {
            QueueGate.Release();
        }
    }

    private async Task<Outcome<long>> QueueWithinLimitAsync(int accountId, string? name, ExportKind kind, string request, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var active = await db.ExportTasks.CountAsync(
            t => t.OwnerAccountId == accountId && (t.State == ExportState.Queued || t.State == ExportState.Running), cancellationToken);
        var queued = ExportTask.Queue(accountId, name, kind, request, CultureInfo.CurrentUICulture.Name, active, clock.GetUtcNow().UtcDateTime);
        if (queued.Violation is { } refused)
        {
            return refused;
        }

        db.ExportTasks.Add(queued.Value!);
        await db.SaveChangesAsync(cancellationToken);
        await queue.SignalAsync(cancellationToken);
        return queued.Value!.Id;
    }

    /// <summary>The tasks the account sees, newest first.</summary>
    public async Task<IReadOnlyList<ExportTaskView>> ListAsync(int accountId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tasks = await VisibleAsync(db, accountId, cancellationToken);
        return await (
                from t in tasks.AsNoTracking()
                join a in db.Accounts on t.OwnerAccountId equals a.Id
                orderby t.Id descending
                select new ExportTaskView(
                    t.Id, t.Name, t.Kind, t.State, t.CancelRequested, t.RowsWritten, t.RowsTotal, t.FileSize, t.Error, t.CreatedAt, t.FinishedAt,
                    t.ExpiresAt, t.OwnerAccountId, a.InternalName))
            .Take(200)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Cancels a queued task at once, a running one at its next progress report; a finished one cannot be.</summary>
    public async Task<Outcome> CancelAsync(int accountId, long taskId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var task = await (await VisibleAsync(db, accountId, cancellationToken)).SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null)
        {
            return NotFound;
        }

        var outcome = task.Cancel(clock.GetUtcNow().UtcDateTime);
        if (outcome.Succeeded)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return outcome;
    }

    /// <summary>Deletes the task and its file; a running one stops at its next progress report and removes its temporary file.</summary>
    public async Task<Outcome> DeleteAsync(int accountId, long taskId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var task = await (await VisibleAsync(db, accountId, cancellationToken)).SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null)
        {
            return NotFound;
        }

        db.ExportTasks.Remove(task);
        await db.SaveChangesAsync(cancellationToken);
        // After the row: a file without a row is swept later; a row without its file would offer a broken download.
        ExportFiles.DeleteQuietly(files.PathOf(task.FileName));
        return Outcome.Ok;
    }

    /// <summary>The finished file of a task the account sees, with the name to download it under.</summary>
    public async Task<Outcome<ExportDownload>> OpenAsync(int accountId, long taskId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var task = await (await VisibleAsync(db, accountId, cancellationToken)).AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null)
        {
            return NotFound;
        }

        if (task.State == ExportState.Expired)
        {
            return new RuleViolation("Exports.Expired");
        }

        if (task.State != ExportState.Done || files.PathOf(task.FileName) is not { } path || !File.Exists(path))
        {
            return new RuleViolation("Exports.NotReady");
        }

        return new ExportDownload(path, DownloadName(task.Name));
    }

    private static RuleViolation NotFound => new("Exports.NotFound");

    /// <summary>The task name as a file name: characters no file system takes become '_'.</summary>
    private static string DownloadName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['\\', '/', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        return new string([.. name.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c)]) + ".xlsx";
    }

    /// <summary>The one rule of who sees a task: its owner, or an administrator (read from the account row, ADR 002).</summary>
    private static async Task<IQueryable<ExportTask>> VisibleAsync(CustomerServiceDbContext db, int accountId, CancellationToken cancellationToken)
    {
        var role = await db.Accounts.AsNoTracking().Where(a => a.Id == accountId && a.IsEnabled).Select(a => (AccountRole?)a.Role)
            .FirstOrDefaultAsync(cancellationToken);
        return role switch
        {
            AccountRole.Admin => db.ExportTasks,
            null => db.ExportTasks.Where(t => false),
            _ => db.ExportTasks.Where(t => t.OwnerAccountId == accountId),
        };
    }
}

/// <summary>A finished export's file and the name it downloads under.</summary>
public sealed record ExportDownload(string Path, string FileName);

/// <summary>Tells the background runner that a task was queued (Quartz in the app).</summary>
public interface IExportQueue
{
    Task SignalAsync(CancellationToken cancellationToken);
}
