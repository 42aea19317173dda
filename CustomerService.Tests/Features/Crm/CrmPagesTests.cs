using System.Net;
using CustomerService.Data;
using CustomerService.Domain.Customers;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Crm.Import;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Crm;

/// <summary>SPEC B / N6 for the CRM pages and downloads: who opens what, and what a refused path answers.</summary>
public sealed class CrmPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("admin", "/crm", true)]
    [InlineData("sales1", "/crm", true)]
    [InlineData("admin", "/crm/import", true)]
    [InlineData("admin", "/crm/fields", true)]
    [InlineData("sales1", "/crm/import", false)]
    [InlineData("lead", "/crm/import", false)]
    [InlineData("qc", "/crm/fields", false)]
    [InlineData("sales1", CrmImportEndpoints.TemplatePath, false)]
    public async Task Crm_pages_open_for_the_roles_spec_b_allows(string login, string page, bool opens)
    {
        using var client = await app.SignInAsync(login);

        using var response = await client.GetAsync(page);

        if (opens)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("data-testid=\"access-denied\"", await response.ReadHtmlAsync());
        }
        else
        {
            Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Redirect, HttpStatusCode.Forbidden });
        }
    }

    [Fact]
    public async Task The_list_page_shows_the_search_hook_and_sales_get_no_all_or_unassigned_tab()
    {
        using var admin = await app.SignInAsync("admin");
        using var sales = await app.SignInAsync("sales1");

        var adminPage = await (await admin.GetAsync("/crm")).ReadHtmlAsync();
        var salesPage = await (await sales.GetAsync("/crm")).ReadHtmlAsync();

        Assert.Contains("data-testid=\"crm-search\"", adminPage);
        Assert.Contains(UiTexts.Chinese("Crm.Owner.Unassigned"), adminPage);
        Assert.Contains("data-testid=\"crm-search\"", salesPage);
        Assert.DoesNotContain(UiTexts.Chinese("Crm.Owner.All"), salesPage);
        Assert.DoesNotContain("data-testid=\"crm-import-link\"", salesPage);
    }

    [Fact]
    public async Task Another_agents_customer_page_says_not_found_and_shows_nothing_of_him()
    {
        long id;
        await using (var scope = app.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CustomerServiceDbContext>();
            var sales3 = await app.AccountIdAsync("sales3");
            var customer = Customer.Create(CustomerSource.Crm, new CustomerData(new CustomerDetails("秘密客户", "13800000099", null, null), "page-1", null), sales3, sales3, DateTime.UtcNow);
            db.Customers.Add(customer);
            await db.SaveChangesAsync();
            id = customer.Id;
        }

        using var sales1 = await app.SignInAsync("sales1");
        using var sales3Client = await app.SignInAsync("sales3");

        var refused = await (await sales1.GetAsync($"/crm/customers/{id}")).ReadHtmlAsync();
        var own = await (await sales3Client.GetAsync($"/crm/customers/{id}")).ReadHtmlAsync();

        Assert.Contains("data-testid=\"crm-customer-not-found\"", refused);
        Assert.DoesNotContain("秘密客户", refused);
        Assert.Contains("秘密客户", own);
    }

    [Fact]
    public async Task The_template_has_the_built_in_columns_and_the_custom_fields()
    {
        await using (var scope = app.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CustomerServiceDbContext>();
            db.CustomFields.Add(new CustomField("模板字段", CustomFieldType.Text, [], isRequired: false, position: 99));
            await db.SaveChangesAsync();
        }

        using var admin = await app.SignInAsync("admin");
        using var response = await admin.GetAsync(CrmImportEndpoints.TemplatePath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new ClosedXML.Excel.XLWorkbook(await response.Content.ReadAsStreamAsync());
        var header = workbook.Worksheets.First().Row(1).CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Equal(
            new[] { UiTexts.Chinese("Field.Customer.Name"), UiTexts.Chinese("Field.Customer.Phone"), UiTexts.Chinese("Field.Customer.Email"), UiTexts.Chinese("Field.Crm.UserId"), UiTexts.Chinese("Crm.Star"), UiTexts.Chinese("Field.Customer.Notes") },
            header.Take(6));
        Assert.Equal("模板字段", header[^1]);
    }
}
