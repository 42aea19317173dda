namespace CustomerService.Web.Features.Qc;

/// <summary>The QC pages, for <see cref="QcTabs"/>.</summary>
public enum QcTab
{
    None = 0,
    Workspace = 1,
    MyGrades = 2,
    Disputes = 3,
    Statistics = 4,
    Settings = 5,
}
