using System.ComponentModel.DataAnnotations;

namespace CustomerService.Web.Features.Exports;

/// <summary>Settings of the export tasks (section <c>Exports</c>).</summary>
public sealed class ExportOptions
{
    public const string Section = "Exports";

    /// <summary>Days a finished file is kept before the retention job deletes it (SPEC G5 / K 导出保留; default 7).</summary>
    [Range(1, 365)]
    public int RetentionDays { get; set; } = 7;

    /// <summary>A running task without a progress report this long was lost with its process (restart, crash) and is queued again.</summary>
    [Range(1, 1440)]
    public int StaleAfterMinutes { get; set; } = 10;
}
