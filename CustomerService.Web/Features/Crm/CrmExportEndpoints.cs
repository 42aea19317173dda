using System.Globalization;
using CustomerService.Domain.Customers;
using CustomerService.Domain.Security;
using CustomerService.Web.Features.Auth;
using CustomerService.Web.Infrastructure;
using CustomerService.Web.Localization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Localization;
using SpreadCheetah;

namespace CustomerService.Web.Features.Crm;

/// <summary>
/// Export of the current CRM search with every field (SPEC J4), in the caller's CRM scope (SPEC B). The workbook is
/// written to the response as rows arrive from the keyset-paged search, so memory stays flat however many customers match.
/// (The lead may move this onto the records feature's background export tasks; the file is the same.)
/// </summary>
public static class CrmExportEndpoints
{
    public const string Path = "/crm/customers.xlsx";
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapCrmDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, ExportAsync).RequireAuthorization(nameof(Permission.ViewCrm));
        return app;
    }

    /// <summary>The download address of a search: its conditions as query parameters.</summary>
    public static string UrlFor(CustomerQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new QueryBuilder();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parameters.Add(name, value);
            }
        }

        Add("name", query.Name);
        Add("phone", query.Phone);
        Add("email", query.Email);
        Add("userId", query.UserId);
        Add("star", query.Star?.ToString(CultureInfo.InvariantCulture));
        Add("owner", query.Owner.ToString());
        Add("ownerAccountId", query.OwnerAccountId?.ToString(CultureInfo.InvariantCulture));
        Add("fieldId", query.FieldId?.ToString(CultureInfo.InvariantCulture));
        Add("fieldValue", query.FieldValue);
        return Path + parameters.ToQueryString();
    }

    private static async Task ExportAsync(
        string? name, string? phone, string? email, string? userId, int? star, OwnerFilter? owner, int? ownerAccountId, int? fieldId, string? fieldValue,
        HttpContext http, CustomerSearch search, EnterpriseTimeZone timeZone, IStringLocalizer<UiText> text, CancellationToken cancellationToken)
    {
        var query = new CustomerQuery
        {
            Name = name, Phone = phone, Email = email, UserId = userId, Star = star, Owner = owner ?? OwnerFilter.All,
            OwnerAccountId = ownerAccountId, FieldId = fieldId, FieldValue = fieldValue,
        };
        var accountId = http.User.AccountId();
        var fields = await search.FieldsAsync(cancellationToken);
        var zone = await timeZone.GetAsync(cancellationToken);

        var fileName = string.Create(CultureInfo.InvariantCulture, $"{text["Crm.FileName.Export"]}_{EnterpriseClock.ToLocal(DateTime.UtcNow, zone):yyyyMMdd-HHmm}.xlsx");
        // The zip writer under SpreadCheetah writes its central directory synchronously at the end; allowing it for this
        // one response keeps the file streamed instead of buffering the whole workbook in memory.
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpBodyControlFeature>() is { } body)
        {
            body.AllowSynchronousIO = true;
        }

        http.Response.ContentType = ContentType;
        http.Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = fileName, DispositionType = "attachment" }.ToString();
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(http.Response.Body, cancellationToken: cancellationToken);
        await spreadsheet.StartWorksheetAsync(text["Crm.Title"].Value, token: cancellationToken);
        await spreadsheet.AddRowAsync(Header(text, fields), cancellationToken);
        await foreach (var row in search.AllAsync(accountId, query, cancellationToken))
        {
            await spreadsheet.AddRowAsync(Cells(row, fields, zone, text), cancellationToken);
        }

        await spreadsheet.FinishAsync(cancellationToken);
    }

    /// <summary>The import template's columns first (so an export can be fixed and imported again), then owner, source and time.</summary>
    public static Cell[] Header(IStringLocalizer<UiText> text, IReadOnlyList<CustomField> fields)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fields);
        return
        [
            .. CrmColumns.Builtin.Select(column => new Cell(text[CrmColumns.LabelKey(column)].Value)),
            .. fields.Select(field => new Cell(field.Name)),
            new Cell(text["Crm.OwnerColumn"].Value),
            new Cell(text["Crm.SourceColumn"].Value),
            new Cell(text["Crm.CreatedAt"].Value),
        ];
    }

    private static Cell[] Cells(CustomerRow row, IReadOnlyList<CustomField> fields, TimeZoneInfo zone, IStringLocalizer<UiText> text) =>
    [
        new Cell(row.Name),
        new Cell(row.Phone),
        new Cell(row.Email),
        new Cell(row.UserId),
        row.Star is { } star ? new Cell(star) : new Cell((string?)null),
        new Cell(row.Notes),
        .. fields.Select(field => new Cell(row.Fields.GetValueOrDefault(field.Id)?.Replace('\n', ';'))),
        new Cell(row.OwnerName),
        new Cell(text[$"Crm.Source.{row.Source}"].Value),
        new Cell(EnterpriseClock.ToLocal(row.CreatedAt, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
    ];
}

/// <summary>The built-in columns of the import template and the export, in order.</summary>
public static class CrmColumns
{
    public static IReadOnlyList<CustomerField> Builtin { get; } =
        [CustomerField.Name, CustomerField.Phone, CustomerField.Email, CustomerField.UserId, CustomerField.Star, CustomerField.Notes];

    /// <summary>
    /// Headings an import also accepts for a built-in column besides the template's (both languages): what merchants'
    /// own spreadsheets commonly say.
    /// </summary>
    public static IReadOnlyList<string> Aliases(CustomerField field) => field switch
    {
        CustomerField.Name => ["姓名", "客户姓名", "名称", "Name"],
        CustomerField.Phone => ["手机", "手机号", "电话", "Phone", "Mobile"],
        CustomerField.Email => ["邮箱", "电子邮箱", "E-mail", "Email"],
        CustomerField.UserId => ["用户ID", "用户id", "User id", "UserId"],
        CustomerField.Star => ["星级", "Star", "Stars"],
        CustomerField.Notes => ["备注", "Notes"],
    };

    public static string LabelKey(CustomerField field) => field switch
    {
        CustomerField.Name => "Field.Customer.Name",
        CustomerField.Phone => "Field.Customer.Phone",
        CustomerField.Email => "Field.Customer.Email",
        CustomerField.Notes => "Field.Customer.Notes",
        CustomerField.UserId => "Field.Crm.UserId",
        CustomerField.Star => "Crm.Star",
    };
}
