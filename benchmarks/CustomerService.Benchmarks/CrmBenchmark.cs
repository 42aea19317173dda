using System.Diagnostics;
using System.Globalization;
using CustomerService.Data;
using CustomerService.Web.Features.Crm;
using CustomerService.Web.Features.Crm.Import;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpreadCheetah;

namespace CustomerService.Benchmarks;

/// <summary>
/// Issue 14 Performance on the real app's services over a fresh SQLite database: the import of 25k, 50k and 100k-row
/// files (preview + confirm: time, peak managed heap and peak working set above the start — flat in the row count is the
/// goal, ≤ 30 s for 100k), then the CRM list's first page with two filters and the overview at 1M customers (≤ 150 ms).
/// </summary>
internal static class CrmBenchmark
{
    public static async Task RunAsync(int importRows, int customers, int calls)
    {
        await using var app = new BenchmarkApp();
        var services = app.Services;
        var factory = services.GetRequiredService<IDbContextFactory<CustomerServiceDbContext>>();
        int admin, sales;
        await using (var db = await factory.CreateDbContextAsync())
        {
            admin = await db.Accounts.Where(a => a.LoginName == "admin").Select(a => a.Id).SingleAsync();
            sales = await db.Accounts.Where(a => a.LoginName == "sales1").Select(a => a.Id).SingleAsync();
        }

        var importer = services.GetRequiredService<CrmImporter>();
        var first = 0;
        foreach (var rows in new[] { importRows / 4, importRows / 2, importRows })
        {
            await ImportAsync(importer, admin, rows, first);
            first += rows;
        }

        await FillAsync(factory, customers, admin, sales);
        var search = services.GetRequiredService<CustomerSearch>();
        var overview = services.GetRequiredService<CrmOverviewReader>();
        var starAndOwner = new CustomerQuery { Star = 3, Owner = OwnerFilter.Agent, OwnerAccountId = sales };
        var nameAndStar = new CustomerQuery { Name = "客户12", Star = 5 };
        var phoneAndOwner = new CustomerQuery { Phone = "1390001", Owner = OwnerFilter.Agent, OwnerAccountId = sales };
        await CallTimer.TimeAsync("admin: list, star 3 + owner sales1", calls, () => search.PageAsync(admin, starAndOwner, null, 50));
        await CallTimer.TimeAsync("admin: list, name starts 客户12 + star 5", calls, () => search.PageAsync(admin, nameAndStar, null, 50));
        await CallTimer.TimeAsync("admin: list, phone starts 1390001 + owner sales1", calls, () => search.PageAsync(admin, phoneAndOwner, null, 50));
        await CallTimer.TimeAsync("sales1 (his own): list, name starts 客户12 + star 5", calls, () => search.PageAsync(sales, nameAndStar, null, 50));
        await CallTimer.TimeAsync("admin: overview (totals, new today / last week, stars, contacts)", Math.Max(3, calls / 5), () => overview.ReadAsync(admin));
    }

    private static async Task ImportAsync(CrmImporter importer, int admin, int rows, int first)
    {
        var file = Path.Combine(Path.GetTempPath(), $"cs-bench-crm-{Guid.NewGuid():N}.xlsx");
        try
        {
            await WriteFileAsync(file, rows, first);
            var size = new FileInfo(file).Length;
            GC.Collect();
            GC.WaitForPendingFinalizers();
            using var memory = PeakMemory.Start();
            var watch = Stopwatch.StartNew();
            ImportPreview preview;
            await using (var upload = File.OpenRead(file))
            {
                var previewed = await importer.PreviewAsync(upload, "customers.xlsx");
                preview = previewed.Value ?? throw new InvalidOperationException(previewed.Violation?.ToString());
            }

            var previewTime = watch.Elapsed;
            var confirmed = await importer.ConfirmAsync(admin, preview.Token, DuplicateChoice.Skip);
            var import = confirmed.Value ?? throw new InvalidOperationException(confirmed.Violation?.ToString());
            var (heap, workingSet) = memory.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"import {rows:N0} rows ({size / 1024d / 1024:F1} MB): preview {previewTime.TotalSeconds:F1} s, total {watch.Elapsed.TotalSeconds:F1} s; " +
                $"created {import.Created:N0}, failed {import.Failed:N0}; peak heap +{heap / 1048576d:F0} MB, peak working set +{workingSet / 1048576d:F0} MB"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Rows with a name, a unique phone, every 10th with an e-mail, every 3rd with a user id; every 100th has no contact at all (an error row).</summary>
    private static async Task WriteFileAsync(string path, int rows, int first)
    {
        await using var stream = File.Create(path);
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(stream);
        await spreadsheet.StartWorksheetAsync("客户");
        await spreadsheet.AddRowAsync([new Cell("姓名"), new Cell("手机"), new Cell("邮箱"), new Cell("用户ID"), new Cell("星级"), new Cell("备注")]);
        for (var i = first; i < first + rows; i++)
        {
            var bad = i % 100 == 99;
            await spreadsheet.AddRowAsync(
            [
                new Cell($"导入客户{i}"),
                new Cell(bad ? null : $"138{i:D8}"),
                new Cell(!bad && i % 10 == 0 ? $"c{i}@example.com" : null),
                new Cell(!bad && i % 3 == 0 ? $"import-{i}" : null),
                new Cell((i % 6).ToString(CultureInfo.InvariantCulture) is var star && star != "0" ? star : null),
                new Cell(i % 7 == 0 ? "批量导入的客户" : null),
            ]);
        }

        await spreadsheet.FinishAsync();
    }

    /// <summary>Adds customers up to <paramref name="total"/> with prepared inserts in one transaction (a benchmark fixture, not the product's path).</summary>
    private static async Task FillAsync(IDbContextFactory<CustomerServiceDbContext> factory, int total, int admin, int sales)
    {
        var watch = Stopwatch.StartNew();
        await using var db = await factory.CreateDbContextAsync();
        var existing = await db.Customers.CountAsync();
        var owners = await db.Accounts.Select(a => a.Id).ToListAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync())
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO Customers (Name, Phone, Email, UserId, Star, OwnerAccountId, Source, CreatedAt, CreatedByAccountId) VALUES ($n, $p, $e, $u, $s, $o, 1, $c, $b)";
            var (name, phone, email, user, star, owner, created, by) = (
                insert.Parameters.Add("$n", SqliteType.Text), insert.Parameters.Add("$p", SqliteType.Text), insert.Parameters.Add("$e", SqliteType.Text),
                insert.Parameters.Add("$u", SqliteType.Text), insert.Parameters.Add("$s", SqliteType.Integer), insert.Parameters.Add("$o", SqliteType.Integer),
                insert.Parameters.Add("$c", SqliteType.Text), insert.Parameters.Add("$b", SqliteType.Integer));
            var random = new Random(14);
            var start = DateTime.UtcNow.AddDays(-730);
            for (var i = existing; i < total; i++)
            {
                name.Value = $"客户{i}";
                phone.Value = $"139{i:D8}";
                email.Value = i % 4 == 0 ? $"k{i}@example.com" : DBNull.Value;
                user.Value = i % 2 == 0 ? $"user-{i}" : DBNull.Value;
                var stars = random.Next(0, 6);
                star.Value = stars == 0 ? DBNull.Value : stars;
                var ownerId = random.Next(0, 10) switch { 0 => (int?)null, < 4 => sales, _ => owners[random.Next(owners.Count)] };
                owner.Value = ownerId is { } id ? id : DBNull.Value;
                created.Value = start.AddSeconds(i * (730d * 86_400 / total)).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
                by.Value = admin;
                await insert.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }

        await db.Database.ExecuteSqlRawAsync("ANALYZE");
        Console.WriteLine($"customers: {await db.Customers.CountAsync():N0} (filled in {watch.Elapsed.TotalSeconds:F0} s)");
    }

    /// <summary>Samples the managed heap and the working set every 20 ms; reports their peaks above the start.</summary>
    private sealed class PeakMemory : IDisposable
    {
        private readonly long _heapStart = GC.GetTotalMemory(forceFullCollection: false);
        private readonly long _workingSetStart = Environment.WorkingSet;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _sampler;
        private long _heapPeak;
        private long _workingSetPeak;

        private PeakMemory() => _sampler = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                Sample();
                await Task.Delay(20);
            }
        });

        public static PeakMemory Start() => new();

        public (long Heap, long WorkingSet) Stop()
        {
            _stop.Cancel();
            _sampler.Wait();
            Sample();
            return (_heapPeak - _heapStart, _workingSetPeak - _workingSetStart);
        }

        private void Sample()
        {
            _heapPeak = Math.Max(_heapPeak, GC.GetTotalMemory(forceFullCollection: false));
            _workingSetPeak = Math.Max(_workingSetPeak, Environment.WorkingSet);
        }

        public void Dispose() => _stop.Dispose();
    }
}
