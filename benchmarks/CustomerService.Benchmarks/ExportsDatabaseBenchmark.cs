using System.Diagnostics;
using System.Globalization;
using CustomerService.Data;
using CustomerService.Domain.Exports;
using CustomerService.Domain.Records;
using CustomerService.Domain.Reporting;
using CustomerService.Web.Features.Auth;
using CustomerService.Web.Features.Crm;
using CustomerService.Web.Features.Exports;
using CustomerService.Web.Features.Organisation;
using CustomerService.Web.Features.Records;
using CustomerService.Web.Features.Reporting;
using CustomerService.Web.Features.Settings;
using CustomerService.Web.Features.Visitors;
using CustomerService.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Benchmarks;

/// <summary>
/// The whole export pipeline on a copy of a <c>seed-history</c> database (the original is never written): an admin's
/// task over every consultation of the history with every column — the records query read in keyset pages, purchase
/// and QC marks per page, the writer, progress reports — run by <see cref="ExportRunner"/>. Prints rows, seconds,
/// rows/s and the process's peak resident memory.
/// </summary>
internal static class ExportsDatabaseBenchmark
{
    public static async Task RunAsync(string source, bool allColumns, bool inPlace)
    {
        using var database = BenchmarkDatabase.For(source, inPlace, "cs-bench-exports-");
        var services = RecordsBenchmark.RecordsServices($"Data Source={database.File};Default Timeout=60");
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddCrmFeature();
        services.AddExportsFeature();
        services.AddSingleton(new ExportFiles(Path.Combine(database.Directory, "exports")));
        services.AddSingleton<IExportQueue, NoQueue>();
        await using var provider = services.BuildServiceProvider();
        await DatabaseMigrator.MigrateAsync(provider);
        // One column set per process: the peak resident memory printed is that run's.
        await (allColumns
            ? MeasureAsync(provider, "all", Enum.GetValues<RecordColumn>())
            : MeasureAsync(provider, "default", RecordColumns.Default));
    }

    private static async Task MeasureAsync(IServiceProvider services, string columnSet, IReadOnlyList<RecordColumn> columns)
    {
        var factory = services.GetRequiredService<IDbContextFactory<CustomerServiceDbContext>>();
        int admin;
        ReportPeriod period;
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE Accounts SET Role = 'Admin' WHERE LoginName = 'agent100'");
            admin = await db.Accounts.Where(a => a.LoginName == "agent100").Select(a => a.Id).SingleAsync();
            var zone = await Web.Infrastructure.EnterpriseClock.TimeZoneAsync(db, CancellationToken.None);
            var last = ReportPeriod.LocalDate(await db.Conversations.MaxAsync(c => c.RequestedAt), zone);
            period = new ReportPeriod(last.AddDays(-365), last);
        }

        var request = RecordsExportRequest.For(new RecordSearch(period, RecordList.All, new RecordFilter()), columns).Value!;
        var queued = await services.GetRequiredService<ExportTaskService>().QueueAsync(admin, "benchmark", ExportKind.Records, request);
        var watch = Stopwatch.StartNew();
        await services.GetRequiredService<ExportRunner>().RunQueuedAsync(CancellationToken.None);
        var seconds = watch.Elapsed.TotalSeconds;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var task = await db.ExportTasks.AsNoTracking().SingleAsync(t => t.Id == queued.Value);
            var peak = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"records export, admin, {columnSet} {columns.Count} columns, {period.From:yyyy-MM-dd}..{period.To:yyyy-MM-dd}: {task.State}, {task.RowsWritten:N0} rows in {seconds:F1} s ({task.RowsWritten / seconds:N0} rows/s), file {task.FileSize / 1048576.0:F1} MB, peak {peak.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]} kB {task.Error}"));
        }
    }

    private sealed class NoQueue : IExportQueue
    {
        public Task SignalAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
