using ClosedXML.Excel;

namespace CustomerService.Tests.Features.Kpi;

/// <summary>Reading the KPI downloads back.</summary>
internal static class XlsxCells
{
    /// <summary>A number as Excel stores it: ClosedXML reads a [h]:mm:ss cell back as a time span or a date (in days).</summary>
    public static double Number(IXLCell cell) => cell.DataType switch
    {
        XLDataType.TimeSpan => cell.GetValue<TimeSpan>().TotalDays,
        XLDataType.DateTime => cell.GetDateTime().ToOADate(),
        _ => cell.GetDouble(),
    };
}
