using System.Runtime.CompilerServices;
using CustomerService.Domain.Exports;
using CustomerService.Domain.Records;
using CustomerService.Domain.Reporting;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Exports;
using CustomerService.Web.Features.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpreadCheetah;

namespace CustomerService.Tests.Features.Exports;

/// <summary>
/// An export task's life (SPEC G5): failure leaves no partial file, cancel (queued and running), retention, and every
/// bad input refused with nothing changed — an empty or over-long name, an eleventh active task, another owner's task,
/// an expired file.
/// </summary>
public sealed class ExportTaskLifecycleTests : IAsyncLifetime
{
    private static readonly RecordSearch AllOfMarch = new(new ReportPeriod(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31)), RecordList.All, new RecordFilter());
    private static readonly string Request = RecordsExportRequest.For(AllOfMarch, [RecordColumn.Visitor]).Value!;

    private readonly ScriptedSource _source = new();
    private TestDatabase _db = null!;
    private ExportFiles _files = null!;
    private DemoTeam _team = null!;

    private ExportTaskService Exports => _db.GetRequiredService<ExportTaskService>();

    private ExportRunner Runner => _db.GetRequiredService<ExportRunner>();

    public async Task InitializeAsync()
    {
        // The scripted source stands in for the records source (the last registered for a kind is used): it decides
        // how many rows there are and when it breaks.
        (_db, _files) = await ExportTestDatabase.CreateAsync(services => services.AddSingleton<IExportSource>(_source));
        _team = await DemoTeam.AddToAsync(_db);
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        ExportTestDatabase.DeleteFolder(_files);
    }

    [Fact]
    public async Task A_failing_export_ends_failed_with_its_message_and_leaves_no_file()
    {
        _source.Rows = 5_000;
        _source.FailAfter = 1_500;
        var id = await QueueAsync(_team.Sales1);

        await Runner.RunQueuedAsync(CancellationToken.None);

        var task = await TaskAsync(id);
        Assert.Equal(ExportState.Failed, task.State);
        Assert.Equal("磁盘已满", task.Error);
        Assert.Null(task.FileName);
        Assert.Empty(ExportTestDatabase.FilesIn(_files));
        Assert.Equal("Exports.NotReady", (await Exports.OpenAsync(_team.Sales1, id)).Violation?.Code);
    }

    [Fact]
    public async Task A_queued_task_cancelled_never_runs()
    {
        _source.Rows = 10;
        var id = await QueueAsync(_team.Sales1);

        Assert.True((await Exports.CancelAsync(_team.Sales1, id)).Succeeded);
        Assert.Equal(0, await Runner.RunQueuedAsync(CancellationToken.None));

        Assert.Equal(ExportState.Cancelled, (await TaskAsync(id)).State);
        Assert.Empty(ExportTestDatabase.FilesIn(_files));
        Assert.Equal("Exports.NotActive", (await Exports.CancelAsync(_team.Sales1, id)).Violation?.Code);
    }

    [Fact]
    public async Task A_running_task_cancelled_stops_and_leaves_no_file()
    {
        _source.Rows = 3_000;
        var id = await QueueAsync(_team.Sales1);
        // The owner presses 取消 while row 10 is written; the run notices at its next progress report.
        _source.AtRow = (10, async () => Assert.True((await Exports.CancelAsync(_team.Sales1, id)).Succeeded));

        await Runner.RunQueuedAsync(CancellationToken.None);

        var task = await TaskAsync(id);
        Assert.Equal(ExportState.Cancelled, task.State);
        Assert.True(task.RowsWritten < 3_000);
        Assert.Empty(ExportTestDatabase.FilesIn(_files));
    }

    [Fact]
    public async Task A_task_deleted_while_running_stops_and_leaves_no_file()
    {
        _source.Rows = 3_000;
        var id = await QueueAsync(_team.Sales1);
        _source.AtRow = (10, async () => Assert.True((await Exports.DeleteAsync(_team.Sales1, id)).Succeeded));

        await Runner.RunQueuedAsync(CancellationToken.None);

        await using var db = _db.NewContext();
        Assert.False(await db.ExportTasks.AnyAsync(t => t.Id == id));
        Assert.Empty(ExportTestDatabase.FilesIn(_files));
    }

    [Fact]
    public async Task Retention_deletes_the_file_after_seven_days_and_the_download_then_says_it_expired()
    {
        _source.Rows = 3;
        var id = await QueueAsync(_team.Sales1);
        await Runner.RunQueuedAsync(CancellationToken.None);
        var retention = _db.GetRequiredService<ExportRetention>();
        var file = (await Exports.OpenAsync(_team.Sales1, id)).Value!.Path;

        _db.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await retention.SweepAsync(CancellationToken.None));
        Assert.True(File.Exists(file));

        _db.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await retention.SweepAsync(CancellationToken.None));

        var task = await TaskAsync(id);
        Assert.Equal(ExportState.Expired, task.State);
        Assert.Null(task.FileName);
        Assert.False(File.Exists(file));
        Assert.Equal("Exports.Expired", (await Exports.OpenAsync(_team.Sales1, id)).Violation?.Code);
    }

    [Theory]
    [InlineData("", "Required")]
    [InlineData("   ", "Required")]
    [InlineData(null, "Required")]
    [InlineData("101", "TooLong")]
    public async Task A_bad_name_is_refused_and_nothing_is_queued(string? name, string code)
    {
        var given = name == "101" ? new string('导', 101) : name;

        var queued = await Exports.QueueAsync(_team.Sales1, given, ExportKind.Records, Request);

        Assert.Equal(code, queued.Violation?.Code);
        await using var db = _db.NewContext();
        Assert.Equal(0, await db.ExportTasks.CountAsync());
    }

    [Fact]
    public async Task A_name_of_one_hundred_characters_is_accepted()
    {
        Assert.Null((await Exports.QueueAsync(_team.Sales1, new string('导', 100), ExportKind.Records, Request)).Violation);
    }

    [Fact]
    public async Task An_eleventh_export_while_ten_wait_is_refused_until_one_ends()
    {
        var ids = new List<long>();
        for (var i = 1; i <= 10; i++)
        {
            ids.Add(await QueueAsync(_team.Sales1));
        }

        var eleventh = await Exports.QueueAsync(_team.Sales1, "第十一个", ExportKind.Records, Request);

        Assert.Equal("Exports.TooManyActive", eleventh.Violation?.Code);
        Assert.Equal(10, eleventh.Violation!.Arguments[0]);
        await using (var db = _db.NewContext())
        {
            Assert.Equal(10, await db.ExportTasks.CountAsync());
        }

        // Another account is not held back by his colleague's queue, and one ended task frees a place.
        Assert.Null((await Exports.QueueAsync(_team.Sales2, "同事的", ExportKind.Records, Request)).Violation);
        await Exports.CancelAsync(_team.Sales1, ids[0]);
        Assert.Null((await Exports.QueueAsync(_team.Sales1, "第十一个", ExportKind.Records, Request)).Violation);
    }

    [Fact]
    public async Task An_eleventh_export_while_ten_run_is_refused_until_one_finishes()
    {
        var ids = new List<long>();
        for (var i = 1; i <= 10; i++)
        {
            ids.Add(await QueueAsync(_team.Sales1));
        }

        await using (var db = _db.NewContext())
        {
            // Eight running, two waiting: all ten are active.
            await db.ExportTasks.Where(t => ids.Take(8).Contains(t.Id)).ExecuteUpdateAsync(set => set.SetProperty(t => t.State, ExportState.Running));
        }

        var eleventh = await Exports.QueueAsync(_team.Sales1, "第十一个", ExportKind.Records, Request);

        Assert.Equal("Exports.TooManyActive", eleventh.Violation?.Code);
        await using (var db = _db.NewContext())
        {
            Assert.Equal(10, await db.ExportTasks.CountAsync());
            await db.ExportTasks.Where(t => t.Id == ids[0]).ExecuteUpdateAsync(set => set.SetProperty(t => t.State, ExportState.Done));
        }

        Assert.Null((await Exports.QueueAsync(_team.Sales1, "第十一个", ExportKind.Records, Request)).Violation);
        Assert.Equal("Exports.TooManyActive", (await Exports.QueueAsync(_team.Sales1, "第十二个", ExportKind.Records, Request)).Violation?.Code);
    }

    [Fact]
    public async Task Another_agents_task_is_not_found_for_anything_and_stays_unchanged_but_the_admin_sees_it()
    {
        _source.Rows = 3;
        var id = await QueueAsync(_team.Sales1);
        await Runner.RunQueuedAsync(CancellationToken.None);

        Assert.Equal("Exports.NotFound", (await Exports.DeleteAsync(_team.Sales2, id)).Violation?.Code);
        Assert.Equal("Exports.NotFound", (await Exports.CancelAsync(_team.Lead, id)).Violation?.Code);
        Assert.Equal("Exports.NotFound", (await Exports.OpenAsync(_team.Sales2, id)).Violation?.Code);
        Assert.Equal("Exports.NotFound", (await Exports.OpenAsync(_team.Qc, id)).Violation?.Code);
        Assert.Empty(await Exports.ListAsync(_team.Sales2));
        Assert.Equal(ExportState.Done, (await TaskAsync(id)).State);
        Assert.Single(ExportTestDatabase.FilesIn(_files));

        var seenByAdmin = Assert.Single(await Exports.ListAsync(_team.Admin));
        Assert.Equal(("sales1", 3), (seenByAdmin.OwnerName, seenByAdmin.RowsWritten));
        Assert.True((await Exports.DeleteAsync(_team.Admin, id)).Succeeded);
        Assert.Empty(ExportTestDatabase.FilesIn(_files));
    }

    [Fact]
    public async Task A_run_lost_with_its_process_is_queued_again_and_completes()
    {
        _source.Rows = 3;
        var id = await QueueAsync(_team.Sales1);
        await using (var db = _db.NewContext())
        {
            // As a crash leaves it: running, its last progress long ago, a temporary file half written.
            await db.ExportTasks.Where(t => t.Id == id).ExecuteUpdateAsync(set => set
                .SetProperty(t => t.State, ExportState.Running).SetProperty(t => t.ProgressAt, _db.Clock.GetUtcNow().UtcDateTime.AddMinutes(-11)));
        }

        _files.EnsureRoot();
        await File.WriteAllTextAsync(_files.TemporaryPath(id), "half");

        Assert.Equal(1, await Runner.RunQueuedAsync(CancellationToken.None));

        var task = await TaskAsync(id);
        Assert.Equal((ExportState.Done, 3), (task.State, task.RowsWritten));
        Assert.Equal([task.FileName!], ExportTestDatabase.FilesIn(_files));
    }

    [Fact]
    public async Task Twenty_exports_asked_for_at_once_queue_ten_and_refuse_the_rest()
    {
        var asked = await Task.WhenAll(Enumerable.Range(1, 20).Select(
            i => Task.Run(() => Exports.QueueAsync(_team.Sales1, $"同时{i}", ExportKind.Records, Request))));

        Assert.Equal(10, asked.Count(a => a.Succeeded));
        Assert.All(asked.Where(a => !a.Succeeded), a => Assert.Equal("Exports.TooManyActive", a.Violation?.Code));
        await using var db = _db.NewContext();
        Assert.Equal(10, await db.ExportTasks.CountAsync());
    }

    [Fact]
    public async Task A_run_lost_with_its_process_after_being_cancelled_ends_cancelled_with_its_finish_time()
    {
        var id = await QueueAsync(_team.Sales1);
        await using (var db = _db.NewContext())
        {
            await db.ExportTasks.Where(t => t.Id == id).ExecuteUpdateAsync(set => set
                .SetProperty(t => t.State, ExportState.Running).SetProperty(t => t.CancelRequested, true)
                .SetProperty(t => t.ProgressAt, _db.Clock.GetUtcNow().UtcDateTime.AddMinutes(-11)));
        }

        Assert.Equal(0, await Runner.RunQueuedAsync(CancellationToken.None));

        var task = await TaskAsync(id);
        Assert.Equal((ExportState.Cancelled, _db.Clock.GetUtcNow().UtcDateTime), (task.State, task.FinishedAt));
    }

    private async Task<long> QueueAsync(int owner)
    {
        var queued = await Exports.QueueAsync(owner, "测试导出", ExportKind.Records, Request);
        Assert.Null(queued.Violation);
        return queued.Value;
    }

    private async Task<ExportTask> TaskAsync(long id)
    {
        await using var db = _db.NewContext();
        return await db.ExportTasks.AsNoTracking().SingleAsync(t => t.Id == id);
    }

    /// <summary>A records source whose rows, failure and mid-run action the test sets.</summary>
    private sealed class ScriptedSource : IExportSource
    {
        public int Rows { get; set; }

        public int? FailAfter { get; set; }

        public (int Row, Func<Task> Action)? AtRow { get; set; }

        public ExportKind Kind => ExportKind.Records;

        public Task<ExportTable> OpenAsync(int ownerAccountId, string request, CancellationToken cancellationToken) =>
            Task.FromResult(new ExportTable("测试", [new ExportColumn("序号", 10, ExportFormat.Number)], Rows, RowsAsync(cancellationToken)));

        private async IAsyncEnumerable<DataCell[]> RowsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            for (var row = 1; row <= Rows; row++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (row == FailAfter)
                {
                    throw new IOException("磁盘已满");
                }

                if (AtRow is { } step && step.Row == row)
                {
                    await step.Action();
                    // Past the runner's one-second progress interval, so the next report (row 1,000) reads the change.
                    await Task.Delay(TimeSpan.FromSeconds(1.1), cancellationToken);
                }

                yield return [new DataCell(row)];
            }
        }
    }
}
