using System.ComponentModel.DataAnnotations;
using CustomerService.Data;
using Microsoft.Extensions.Options;

namespace CustomerService.Web.Hosting;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Required for SQL Server; for SQLite, empty means a file in <see cref="DataDirectory"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Folder of the SQLite file and uploads; relative paths are taken from the app's content root.</summary>
    [Required]
    public string DataDirectory { get; set; } = "App_Data";

    public string ResolveDataDirectory(string contentRoot) => Path.GetFullPath(DataDirectory, contentRoot);

    public string ResolveConnectionString(string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return ConnectionString;
        }

        if (Provider == DatabaseProvider.SqlServer)
        {
            throw new OptionsValidationException(Section, typeof(DatabaseOptions),
                ["Database:ConnectionString is required when Database:Provider is SqlServer."]);
        }

        var directory = ResolveDataDirectory(contentRoot);
        Directory.CreateDirectory(directory);
        // An absolute path, so the database does not move with the working directory.
        return $"Data Source={Path.Combine(directory, "customerservice.db")};Default Timeout=30";
    }
}

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Seeds the SPEC N1 demo organisation; ignored in Production.</summary>
    public bool Seed { get; set; }

    /// <summary>SPEC N1b: when above 0 (and <see cref="Seed"/> is on), a fresh demo database gets this many days of history at start, once.</summary>
    [Range(0, Features.Demo.History.HistoryOptions.MaxDays)]
    public int HistoryDays { get; set; }

    /// <summary>How many agents the start-up history has (<see cref="HistoryDays"/>).</summary>
    [Range(1, Features.Demo.History.HistoryOptions.MaxAgents)]
    public int HistoryAgents { get; set; } = 20;
}

public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";

    /// <summary>The first administrator, created when the database has no account at all.</summary>
    [Required]
    public string AdminLoginName { get; set; } = "admin";

    public string? AdminPassword { get; set; }
}

public sealed class EnterpriseDefaultsOptions
{
    public const string Section = "Enterprise";

    [Required]
    public string DefaultCompanyName { get; set; } = "我的企业";

    [Required]
    public string DefaultTimeZone { get; set; } = "Asia/Shanghai";
}

public sealed class AuthOptions
{
    public const string Section = "Auth";

    [Range(1, 100)]
    public int MaxFailedAccessAttempts { get; set; } = 5;

    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;

    [Range(1, 24 * 30)]
    public int SessionHours { get; set; } = 12;

    /// <summary>How soon a disabled account or a role change reaches open sessions.</summary>
    [Range(1, 60)]
    public int RevalidateMinutes { get; set; } = 1;

    /// <summary>
    /// Failed sign-ins one IP address may make within <see cref="FailedSignInWindowSeconds"/>; beyond it the login form
    /// refuses without checking the password. Successful sign-ins do not count, so an office behind one address can
    /// start its shift.
    /// </summary>
    [Range(1, 100_000)]
    public int FailedSignInsPerIp { get; set; } = 10;

    [Range(1, 24 * 60 * 60)]
    public int FailedSignInWindowSeconds { get; set; } = 60;
}
