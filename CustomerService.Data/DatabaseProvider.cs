namespace CustomerService.Data;

/// <summary>Value of <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded file database: the default, needs nothing installed.</summary>
    Sqlite = 0,

    /// <summary>Production database shared by several nodes.</summary>
    SqlServer = 1,
}
