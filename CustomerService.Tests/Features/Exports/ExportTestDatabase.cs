using ClosedXML.Excel;
using CustomerService.Tests.Fakes;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Exports;
using CustomerService.Web.Features.Records;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerService.Tests.Features.Exports;

/// <summary>
/// A <see cref="TestDatabase"/> with the records and export features, the export files in a folder of the test's own,
/// and a <see cref="TestExportQueue"/> instead of Quartz: a test queues, then runs <see cref="ExportRunner"/> itself.
/// </summary>
public static class ExportTestDatabase
{
    public static async Task<(TestDatabase Database, ExportFiles Files)> CreateAsync(Action<IServiceCollection>? configure = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "cs-tests", "exports-" + Guid.NewGuid().ToString("N"));
        var files = new ExportFiles(root);
        var database = await TestDatabase.CreateAsync(services =>
        {
            services.TryAddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
            services.AddRecordsFeature();
            services.AddExportsFeature();
            services.AddSingleton(files);
            services.AddSingleton<IExportQueue, TestExportQueue>();
            configure?.Invoke(services);
        });
        return (database, files);
    }

    /// <summary>Every file of the exports folder (final and temporary).</summary>
    public static IReadOnlyList<string> FilesIn(ExportFiles files) =>
        Directory.Exists(files.Root) ? [.. Directory.EnumerateFiles(files.Root).Select(Path.GetFileName).OfType<string>().Order()] : [];

    /// <summary>The data rows of the first sheet (header skipped), each cell as ClosedXML reads it.</summary>
    public static List<IXLCell[]> DataRows(XLWorkbook workbook, int columns)
    {
        var sheet = workbook.Worksheets.First();
        return [.. sheet.RowsUsed().Skip(1).Select(row => Enumerable.Range(1, columns).Select(column => row.Cell(column)).ToArray())];
    }

    public static void DeleteFolder(ExportFiles files)
    {
        if (Directory.Exists(files.Root))
        {
            Directory.Delete(files.Root, recursive: true);
        }
    }
}
