namespace CustomerService.Web.Infrastructure;

/// <summary>What every .xlsx download answers with (KPI, QC, CRM template and errors, export tasks).</summary>
public static class XlsxFile
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
