using System.Text;
using ClosedXML.Excel;
using CustomerService.Data;
using CustomerService.Domain.Customers;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Crm.Import;
using CustomerService.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CustomerService.Tests.Features.Crm;

/// <summary>
/// SPEC J4 import: the preview lists every bad row (row number, column, reason) and every duplicate before anything is
/// written; confirm writes the good rows in one transaction with the admin's skip / update; a second import of the same
/// file changes nothing; a database failure in the middle writes nothing.
/// </summary>
public sealed class CrmImportTests : IAsyncLifetime
{
    private static readonly string[] Header = ["姓名", "手机", "邮箱", "用户ID", "星级", "备注", "性别", "生日"];

    private TestDatabase _db = null!;
    private DemoTeam _team = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _team = await DemoTeam.AddToAsync(_db);
        await using var db = _db.NewContext();
        db.CustomFields.Add(new CustomField("性别", CustomFieldType.SingleChoice, ["男", "女"], isRequired: true, position: 0));
        db.CustomFields.Add(new CustomField("生日", CustomFieldType.Date, [], isRequired: false, position: 1));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private CrmImporter Importer => _db.GetRequiredService<CrmImporter>();

    [Fact]
    public async Task The_preview_lists_every_bad_row_with_its_column_and_reason_and_writes_nothing()
    {
        using var file = Workbook(sheet =>
        {
            Row(sheet, 2, "张三", "13800000001", "zhang@example.com", "u-1", "5", "老客户", "男", "2026-03-02");
            Row(sheet, 3, "无名", "", "", "", "", "", "男", "");
            Row(sheet, 4, "李四", "call me", "not-mail", "u-4", "9", "", "未知", "");
            Row(sheet, 5, new string('名', 2000), "13800000005", "", "", "", "", "", "");
            Row(sheet, 6, "王五", "", "", "u-6", "", "", "女", "");
            sheet.Cell(6, 4).FormulaA1 = "\"u-\"&6";
            Row(sheet, 7, "赵六", "", "", "u-7", "", "", "女", "下周");
            Row(sheet, 8, "钱七", "", "", "u-8", "", "", "女", "");
            Row(sheet, 9, "钱八", "", "", "u-9", "", "", "女", "");
            sheet.Range(8, 6, 9, 6).Merge();
            sheet.Cell(10, 1).Value = "孙八";
            sheet.Cell(10, 2).Value = 7571234567; // 0757… typed into a General cell: the zero is gone
            sheet.Cell(10, 7).Value = "男";
            sheet.Cell(10, 8).Value = new DateTime(2026, 3, 2);
        });

        var preview = await Importer.PreviewAsync(file, "客户.xlsx");

        Assert.True(preview.Succeeded, preview.Violation?.ToString());
        var errors = preview.Value!.Errors.Select(e => $"{e.Row}|{e.Column}|{e.Violation}").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(
            new[]
            {
                "3|用户ID|Crm.Unidentified",
                "4|性别|Crm.FieldOption(性别, 未知)",
                "4|手机|PhoneFormat",
                "4|星级|Crm.StarOutOfRange(1, 5)",
                "4|邮箱|EmailFormat",
                "5|性别|Crm.FieldRequired(性别)",
                "5|姓名|TooLong(Customer.Name, 32)",
                "6|用户ID|Crm.ImportFormula",
                "6|用户ID|Crm.Unidentified",
                "7|生日|Crm.FieldDate(生日)",
                "8|姓名|Crm.ImportMerged",
                "9|姓名|Crm.ImportMerged",
            }.Order(StringComparer.Ordinal),
            errors);
        Assert.Equal(new[] { "10|手机|Crm.ImportPhoneNumber" }, preview.Value.Warnings.Select(w => $"{w.Row}|{w.Column}|{w.Violation}"));
        Assert.Equal((9, 2), (preview.Value.Rows, preview.Value.New));
        await using var db = _db.NewContext();
        Assert.Empty(await db.Customers.ToListAsync());
    }

    [Fact]
    public async Task Duplicates_inside_the_file_and_against_stored_customers_are_skipped_or_update_as_the_admin_chose()
    {
        await StoreAsync("老客户", "13900000000", "u-old");
        using var skipFile = DuplicatesFile();
        var skipPreview = (await Importer.PreviewAsync(skipFile, "dups.xlsx")).Value!;

        // Row 3 repeats row 2's phone; row 4 is the stored customer by user id.
        Assert.Equal(new[] { (3, (int?)2, false), (4, (int?)null, true) }, skipPreview.Duplicates.Select(d => (d.Row, d.SameAsRow, d.CustomerId is not null)));
        var skipped = (await Importer.ConfirmAsync(_team.Admin, skipPreview.Token, DuplicateChoice.Skip)).Value!;
        Assert.Equal((1, 0, 2, 0), (skipped.Created, skipped.Updated, skipped.Skipped, skipped.Failed));
        await using (var db = _db.NewContext())
        {
            Assert.Equal(new[] { ("甲", "13800000001"), ("老客户", "13900000000") }, await db.Customers.OrderBy(c => c.Id).Select(c => new ValueTuple<string, string>(c.Name!, c.Phone!)).ToListAsync() is var rows ? rows.OrderBy(r => r.Item2).ToArray() : null);
        }

        using var updateFile = DuplicatesFile();
        var updatePreview = (await Importer.PreviewAsync(updateFile, "dups.xlsx")).Value!;
        var updated = (await Importer.ConfirmAsync(_team.Admin, updatePreview.Token, DuplicateChoice.Update)).Value!;

        Assert.Equal((0, 2, 1, 0), (updated.Created, updated.Updated, updated.Skipped, updated.Failed));
        await using var check = _db.NewContext();
        var all = await check.Customers.AsNoTracking().OrderBy(c => c.Phone).ToListAsync();
        Assert.Equal(new[] { ("乙", "13800000001", (string?)null, CustomerSource.Import), ("新名", "13900000000", "u-old", CustomerSource.Crm) },
            all.Select(c => (c.Name!, c.Phone!, c.UserId, c.Source)));
    }

    [Fact]
    public async Task Importing_the_same_file_twice_changes_nothing_the_second_time()
    {
        using var first = GoodFile();
        var once = await ConfirmAsync(first, DuplicateChoice.Update);
        var before = await SnapshotAsync();

        _db.Clock.Advance(TimeSpan.FromHours(1));
        using var second = GoodFile();
        var twice = await ConfirmAsync(second, DuplicateChoice.Update);

        Assert.Equal((3, 0, 0), (once.Created, once.Updated, once.Skipped));
        Assert.Equal((0, 0, 3), (twice.Created, twice.Updated, twice.Skipped));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_database_failure_in_a_later_batch_writes_nothing_at_all()
    {
        await using (var db = _db.NewContext())
        {
            // A real failure from the database, on the third row (the second batch of two).
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER crm_test_fail BEFORE INSERT ON Customers WHEN NEW.Name = '丙' BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
        }

        var importer = new CrmImporter(_db.GetRequiredService<IDbContextFactory<CustomerServiceDbContext>>(), _db.GetRequiredService<IStringLocalizer<UiText>>(), _db.Clock) { BatchSize = 2 };
        using var file = GoodFile();
        var preview = (await importer.PreviewAsync(file, "good.xlsx")).Value!;

        await Assert.ThrowsAsync<DbUpdateException>(() => importer.ConfirmAsync(_team.Admin, preview.Token, DuplicateChoice.Update));

        await using var check = _db.NewContext();
        Assert.Empty(await check.Customers.ToListAsync());
        Assert.Empty(await check.CustomerFieldValues.ToListAsync());
        Assert.Empty(await check.CustomerImports.ToListAsync());
    }

    [Fact]
    public async Task The_history_keeps_who_when_the_counts_and_an_error_file_of_the_refused_rows()
    {
        using var file = Workbook(sheet =>
        {
            Row(sheet, 2, "甲", "13800000001", "", "", "", "", "男", "");
            Row(sheet, 3, "乙", "bad", "", "", "", "", "男", "");
        });

        var result = await ConfirmAsync(file, DuplicateChoice.Skip);

        Assert.Equal((_team.Admin, "test.xlsx", 1, 1), (result.ByAccountId, result.FileName, result.Created, result.Failed));
        using var errors = new XLWorkbook(new MemoryStream(result.ErrorFile!));
        var sheet = errors.Worksheets.First();
        Assert.Equal(("乙", "bad"), (sheet.Cell(2, 1).GetString(), sheet.Cell(2, 2).GetString()));
        Assert.Equal("手机: " + UiTexts.Chinese("Error.PhoneFormat"), sheet.Cell(2, Header.Length + 1).GetString());
        Assert.True(sheet.Cell(3, 1).IsEmpty());
    }

    [Theory]
    [InlineData("客户.xls", "xlsx")]
    [InlineData("客户.xlsx", "garbage")]
    [InlineData("客户.xlsx", "empty")]
    [InlineData("客户.xlsx", "noheader")]
    public async Task A_file_that_is_not_a_usable_xlsx_is_refused_with_a_reason(string name, string content)
    {
        using var stream = content switch
        {
            "garbage" => new MemoryStream(Encoding.UTF8.GetBytes("PK not really a zip, just renamed")),
            "empty" => Workbook(_ => { }, header: false),
            "noheader" => Workbook(sheet => sheet.Cell(1, 1).Value = "随便", header: false),
            _ => Workbook(_ => { }),
        };

        var preview = await Importer.PreviewAsync(stream, name);

        Assert.Equal(
            content switch { "garbage" or "xlsx" => "Crm.ImportNotXlsx", _ => "Crm.ImportNoHeader" },
            preview.Violation?.Code);
    }

    [Fact]
    public async Task A_file_over_fifty_megabytes_is_refused_before_it_is_read()
    {
        using var big = new MemoryStream(new byte[(50 * 1024 * 1024) + 1]);

        var preview = await Importer.PreviewAsync(big, "big.xlsx");

        Assert.Equal("Crm.ImportTooLarge(50)", preview.Violation?.ToString());
    }

    private async Task<CustomerImport> ConfirmAsync(Stream file, DuplicateChoice choice)
    {
        var preview = await Importer.PreviewAsync(file, "test.xlsx");
        Assert.True(preview.Succeeded, preview.Violation?.ToString());
        var confirmed = await Importer.ConfirmAsync(_team.Admin, preview.Value!.Token, choice);
        Assert.True(confirmed.Succeeded, confirmed.Violation?.ToString());
        return confirmed.Value!;
    }

    private async Task StoreAsync(string name, string phone, string userId)
    {
        await using var db = _db.NewContext();
        db.Customers.Add(Customer.Create(CustomerSource.Crm, new CustomerData(new CustomerDetails(name, phone, null, null), userId, null), _team.Admin, _team.Admin, _db.Clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync();
    }

    private async Task<string[]> SnapshotAsync()
    {
        await using var db = _db.NewContext();
        var customers = await db.Customers.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
        var values = await db.CustomerFieldValues.AsNoTracking().OrderBy(v => v.CustomerId).ThenBy(v => v.FieldId).ToListAsync();
        return [.. customers.Select(c => $"{c.Id}|{c.Name}|{c.Phone}|{c.Email}|{c.UserId}|{c.Star}|{c.UpdatedAt:O}"), .. values.Select(v => $"{v.CustomerId}|{v.FieldId}|{v.Value}")];
    }

    private static MemoryStream GoodFile() => Workbook(sheet =>
    {
        Row(sheet, 2, "甲", "13800000001", "jia@example.com", "u-1", "3", "", "男", "2026-01-02");
        Row(sheet, 3, "乙", "13800000002", "", "", "", "", "女", "");
        Row(sheet, 4, "丙", "", "bing@example.com", "", "", "", "男", "");
    });

    private static MemoryStream DuplicatesFile() => Workbook(sheet =>
    {
        Row(sheet, 2, "甲", "13800000001", "", "", "", "", "男", "");
        Row(sheet, 3, "乙", "13800000001", "", "", "", "", "男", "");
        Row(sheet, 4, "新名", "", "", "u-old", "", "", "男", "");
    });

    private static void Row(IXLWorksheet sheet, int row, params string[] cells)
    {
        for (var column = 0; column < cells.Length; column++)
        {
            if (cells[column].Length > 0)
            {
                // Text first, so ClosedXML keeps "2026-03-02" and "13800000001" as typed instead of guessing a date or a number.
                sheet.Cell(row, column + 1).DataType = XLDataType.Text;
                sheet.Cell(row, column + 1).Value = cells[column];
            }
        }
    }

    private static MemoryStream Workbook(Action<IXLWorksheet> fill, bool header = true)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("客户");
        if (header)
        {
            for (var column = 0; column < Header.Length; column++)
            {
                sheet.Cell(1, column + 1).Value = Header[column];
            }
        }

        fill(sheet);
        var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;
        return stream;
    }
}
