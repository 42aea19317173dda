using System.Net;
using ClosedXML.Excel;
using CustomerService.Data;
using CustomerService.Domain.Customers;
using CustomerService.Domain.Exports;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Crm;
using CustomerService.Web.Features.Exports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Crm;

/// <summary>
/// SPEC J4 export through the export tasks (SPEC G5): the current search, every field, read back equal to the list,
/// in the owner's scope (SPEC B); the file downloads only for whoever sees the task.
/// </summary>
public sealed class CrmExportTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly CustomerQuery Search = new() { Name = "导出", Owner = OwnerFilter.All };

    [Fact]
    public async Task The_export_of_a_search_reads_back_equal_to_the_list_and_a_sales_agent_gets_only_his_own()
    {
        var sales1 = await app.AccountIdAsync("sales1");
        var admin = await app.AccountIdAsync("admin");
        await using (var scope = app.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CustomerServiceDbContext>();
            var now = DateTime.UtcNow;
            db.Customers.Add(Customer.Create(CustomerSource.Crm, new CustomerData(new CustomerDetails("导出甲", "13800000011", "jia@example.com", "备注一"), "exp-1", 4), admin, sales1, now));
            db.Customers.Add(Customer.Create(CustomerSource.Crm, new CustomerData(new CustomerDetails("导出乙", "13800000012", null, null), "exp-2", null), admin, null, now));
            db.Customers.Add(Customer.Create(CustomerSource.Crm, new CustomerData(new CustomerDetails("其他丙", "13800000013", null, null), "exp-3", 1), admin, admin, now));
            await db.SaveChangesAsync();
        }

        var adminTask = await ExportAsync(admin);
        using var adminClient = await app.SignInAsync("admin");
        using var response = await adminClient.GetAsync(ExportDownloadEndpoints.PathOf(adminTask));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var exported = await ReadAsync(response);
        await using var services = app.CreateScope();
        var listed = await services.ServiceProvider.GetRequiredService<CustomerSearch>().PageAsync(admin, Search, null, 50);
        Assert.Equal(
            listed.Rows.Select(r => $"{r.Name}|{r.Phone}|{r.Email}|{r.UserId}|{r.Star}|{r.Notes}"),
            exported.Select(r => string.Join('|', r.Take(6))));
        Assert.Equal(new[] { "导出乙", "导出甲" }, exported.Select(r => r[0]));
        Assert.Equal("李美", exported[1][6]);

        var salesTask = await ExportAsync(sales1);
        using var salesClient = await app.SignInAsync("sales1");
        using var own = await salesClient.GetAsync(ExportDownloadEndpoints.PathOf(salesTask));
        Assert.Equal(new[] { "导出甲" }, (await ReadAsync(own)).Select(r => r[0]));

        // The admin's file is not the agent's to download.
        using var foreign = await salesClient.GetAsync(ExportDownloadEndpoints.PathOf(adminTask));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    /// <summary>Queues the search for the owner and runs the queue (Quartz may have started it already: a task runs once).</summary>
    private async Task<long> ExportAsync(int owner)
    {
        await using var scope = app.CreateScope();
        var queued = await scope.ServiceProvider.GetRequiredService<ExportTaskService>()
            .QueueAsync(owner, "客户导出", ExportKind.Customers, CustomersExportSource.RequestFor(Search));
        Assert.Null(queued.Violation);
        var db = scope.ServiceProvider.GetRequiredService<CustomerServiceDbContext>();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            await scope.ServiceProvider.GetRequiredService<ExportRunner>().RunQueuedAsync(CancellationToken.None);
            var state = await db.ExportTasks.AsNoTracking().Where(t => t.Id == queued.Value).Select(t => t.State).SingleAsync();
            if (state == ExportState.Done)
            {
                return queued.Value;
            }

            Assert.True(state is ExportState.Queued or ExportState.Running, $"The export ended {state}.");
            await Task.Delay(100);
        }

        throw new TimeoutException("The CRM export did not finish.");
    }

    /// <summary>The data rows (header skipped), each cell as text.</summary>
    private static async Task<List<string[]>> ReadAsync(HttpResponseMessage response)
    {
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheets.First();
        Assert.True(sheet.Cell(1, 1).Style.Font.Bold);
        Assert.Equal(1, sheet.SheetView.SplitRow);
        return sheet.RowsUsed().Skip(1)
            .Select(row => Enumerable.Range(1, 9).Select(column => row.Cell(column).GetString()).ToArray())
            .ToList();
    }
}
