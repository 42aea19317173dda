using CustomerService.Domain.Common;

namespace CustomerService.Domain.Exports;

/// <summary>What an export task writes: a records list (SPEC G5) or a CRM search (SPEC J4).</summary>
public enum ExportKind
{
    Records = 0,
    Customers = 1,
}

/// <summary>Where an export task stands (SPEC G5, N6 <c>data-state</c>).</summary>
public enum ExportState
{
    Queued = 0,
    Running = 1,
    Done = 2,
    Failed = 3,
    Cancelled = 4,

    /// <summary>Done, and its file was deleted after the retention period.</summary>
    Expired = 5,
}

/// <summary>
/// One background export (SPEC G5): who asked, what (the search and the columns, as the request text of its
/// <see cref="Kind"/>), how far it got, and where its file is. The file lives in the app's data folder, never in the
/// database; <see cref="FileName"/> is only its name there. A running task is stopped by <see cref="CancelRequested"/>,
/// which the writer reads back with each progress report.
/// </summary>
public class ExportTask
{
    public const int NameMaxLength = 100;
    public const int RequestMaxLength = 4000;
    public const int ErrorMaxLength = 500;
    public const int FileNameMaxLength = 64;

    /// <summary>Queued or running tasks one account may have at once (issue 12: an eleventh is refused).</summary>
    public const int MaxActivePerOwner = 10;

    private ExportTask()
    {
        Name = Request = Culture = string.Empty;
    }

    private ExportTask(int ownerAccountId, string name, ExportKind kind, string request, string culture, DateTime createdAt)
    {
        OwnerAccountId = ownerAccountId;
        Name = name;
        Kind = kind;
        Request = request;
        Culture = culture;
        CreatedAt = createdAt;
        State = ExportState.Queued;
    }

    public long Id { get; private set; }
    public int OwnerAccountId { get; private set; }
    public string Name { get; private set; }
    public ExportKind Kind { get; private set; }

    /// <summary>The search and columns, as JSON its kind's source reads; fixed when the task is queued.</summary>
    public string Request { get; private set; }

    /// <summary>The owner's UI language when he queued it: headers and texts of the file are in it.</summary>
    public string Culture { get; private set; }

    public ExportState State { get; private set; }
    public bool CancelRequested { get; private set; }
    public int RowsWritten { get; private set; }

    /// <summary>How many rows the search held when the task started (progress is written / total).</summary>
    public int? RowsTotal { get; private set; }

    public long? FileSize { get; private set; }
    public string? FileName { get; private set; }
    public string? Error { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? StartedAt { get; private set; }

    /// <summary>The last sign of life of the run (each progress report): a run silent for long was lost with its process.</summary>
    public DateTime? ProgressAt { get; private set; }

    public DateTime? FinishedAt { get; private set; }

    /// <summary>When a finished file is deleted (retention, SPEC G5 / K).</summary>
    public DateTime? ExpiresAt { get; private set; }

    public bool IsActive => State is ExportState.Queued or ExportState.Running;

    /// <summary>Refuses an empty or over-long name before anything is queued.</summary>
    public static RuleViolation? CheckName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? new RuleViolation("Required", "Exports.Name")
        : name.Trim().Length > NameMaxLength ? new RuleViolation("TooLong", "Exports.Name", NameMaxLength)
        : null;

    public static Outcome<ExportTask> Queue(
        int ownerAccountId, string? name, ExportKind kind, string request, string culture, int activeTasksOfOwner, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(culture);
        if (CheckName(name) is { } violation)
        {
            return violation;
        }

        if (activeTasksOfOwner >= MaxActivePerOwner)
        {
            return new RuleViolation("Exports.TooManyActive", MaxActivePerOwner);
        }

        if (request.Length > RequestMaxLength)
        {
            return new RuleViolation("TooLong", "Exports.Request", RequestMaxLength);
        }

        return new ExportTask(ownerAccountId, name!.Trim(), kind, request, culture, now);
    }

    /// <summary>Whether the run may still write: queued or running, not asked to stop.</summary>
    public bool MayContinue => State == ExportState.Running && !CancelRequested;

    /// <summary>Cancels a queued task at once; a running one stops at its next progress report.</summary>
    public Outcome Cancel(DateTime now)
    {
        switch (State)
        {
            case ExportState.Queued:
                State = ExportState.Cancelled;
                FinishedAt = now;
                return Outcome.Ok;
            case ExportState.Running:
                CancelRequested = true;
                return Outcome.Ok;
            case ExportState.Done:
            case ExportState.Failed:
            case ExportState.Cancelled:
            case ExportState.Expired:
                return new RuleViolation("Exports.NotActive");
            default:
                throw new ArgumentOutOfRangeException(nameof(now), State, "Unknown export state.");
        }
    }

    /// <summary>A finished file past its retention: the file is gone, the task stays listed as expired.</summary>
    public void Expire()
    {
        if (State == ExportState.Done)
        {
            State = ExportState.Expired;
            FileName = null;
        }
    }
}
