using CustomerService.Web.Infrastructure;
using System.Globalization;
using CustomerService.Domain.Security;
using CustomerService.Web.Features.Auth;
using CustomerService.Web.Localization;

namespace CustomerService.Web.Features.Exports;

/// <summary>
/// The download of a finished export (SPEC G5, N6: a real file download, Content-Disposition attachment), streamed
/// from the data folder. A task the caller does not see is 404; an expired file 410 with the reason; a task not yet
/// done 409.
/// </summary>
public static class ExportDownloadEndpoints
{

    public static string PathOf(long taskId) => string.Create(CultureInfo.InvariantCulture, $"{ExportsPage.Route}/{taskId}/download");

    public static IEndpointRouteBuilder MapExportDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet(ExportsPage.Route + "/{taskId:long}/download", DownloadAsync).RequireAuthorization(nameof(Permission.ViewRecords));
        return app;
    }

    private static async Task<IResult> DownloadAsync(long taskId, HttpContext http, ExportTaskService exports, ViolationText text, CancellationToken cancellationToken)
    {
        var file = await exports.OpenAsync(http.User.AccountId(), taskId, cancellationToken);
        return file.Violation switch
        {
            null => Results.File(file.Value!.Path, XlsxFile.ContentType, file.Value.FileName, enableRangeProcessing: true),
            { Code: "Exports.NotFound" } violation => Results.Problem(text.Describe(violation), statusCode: StatusCodes.Status404NotFound),
            { Code: "Exports.Expired" } violation => Results.Problem(text.Describe(violation), statusCode: StatusCodes.Status410Gone),
            var violation => Results.Problem(text.Describe(violation), statusCode: StatusCodes.Status409Conflict),
        };
    }
}
