using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CustomerService.Data;

// Used only by `dotnet ef migrations add`; the connection strings are never opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCustomerServiceDbContext>
{
    public SqliteCustomerServiceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCustomerServiceDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerCustomerServiceDbContext>
{
    public SqlServerCustomerServiceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerCustomerServiceDbContext>()
            .UseSqlServer("Server=localhost;Database=CustomerService;Trusted_Connection=True;TrustServerCertificate=True")
            .Options);
}
