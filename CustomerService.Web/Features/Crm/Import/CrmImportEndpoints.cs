using CustomerService.Web.Infrastructure;
using System.Globalization;
using CustomerService.Data;
using CustomerService.Domain.Security;
using CustomerService.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SpreadCheetah;

namespace CustomerService.Web.Features.Crm.Import;

/// <summary>The import's downloads (SPEC J4, admin only): the template with the current fields, and an import's error file.</summary>
public static class CrmImportEndpoints
{
    public const string TemplatePath = "/crm/import/template.xlsx";

    public static string ErrorFilePath(long importId) => string.Create(CultureInfo.InvariantCulture, $"/crm/imports/{importId}/errors.xlsx");

    public static IEndpointRouteBuilder MapCrmImportDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet(TemplatePath, TemplateAsync).RequireAuthorization(nameof(Permission.ImportCrm));
        app.MapGet("/crm/imports/{importId:long}/errors.xlsx", ErrorFileAsync).RequireAuthorization(nameof(Permission.ImportCrm));
        return app;
    }

    private static async Task<IResult> TemplateAsync(CustomerSearch search, IStringLocalizer<UiText> text, CancellationToken cancellationToken)
    {
        var fields = await search.FieldsAsync(cancellationToken);
        using var memory = new MemoryStream();
        await using (var spreadsheet = await Spreadsheet.CreateNewAsync(memory, cancellationToken: cancellationToken))
        {
            await spreadsheet.StartWorksheetAsync(text["Crm.Import"].Value, token: cancellationToken);
            await spreadsheet.AddRowAsync(
                [.. CrmColumns.Builtin.Select(c => new Cell(text[CrmColumns.LabelKey(c)].Value)), .. fields.Select(f => new Cell(f.IsRequired ? f.Name : f.Name))],
                cancellationToken);
            await spreadsheet.FinishAsync(cancellationToken);
        }

        return Results.File(memory.ToArray(), XlsxFile.ContentType, text["Crm.FileName.Template"].Value + ".xlsx");
    }

    private static async Task<IResult> ErrorFileAsync(long importId, IDbContextFactory<CustomerServiceDbContext> dbFactory, IStringLocalizer<UiText> text, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var file = await db.CustomerImports.AsNoTracking().Where(i => i.Id == importId).Select(i => i.ErrorFile).SingleOrDefaultAsync(cancellationToken);
        return file is null
            ? Results.NotFound()
            : Results.File(file, XlsxFile.ContentType, string.Create(CultureInfo.InvariantCulture, $"{text["Crm.FileName.Errors"]}_{importId}.xlsx"));
    }
}
