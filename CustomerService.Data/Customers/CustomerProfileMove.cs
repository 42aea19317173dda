using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomerService.Data.Customers;

/// <summary>
/// The data step of the <c>Crm</c> migration (SPEC J6): the console's customer details of before (<c>CustomerProfiles</c>,
/// one per visitor) become CRM customers, nothing lost. Called by the migration of both providers between creating
/// <c>Customers</c> and dropping <c>CustomerProfiles</c>; kept here so a regenerated migration only needs the two calls
/// back. Plain SQL both SQLite and SQL Server read.
/// <list type="bullet">
/// <item>The visitor becomes the origin visitor (he stays recognised as the customer, SPEC J5).</item>
/// <item>Creator and creation time stay (the 添加CRM facts of SPEC I0 do not move; the source is the console). Rows from
/// before creation was recorded fall back to their last change, then to the visitor's first visit.</item>
/// <item>The owner is the agent who filed him (else who changed him last), when that account still exists.</item>
/// <item>The visitor's signed user id becomes the customer's, for one customer per user id (the first filed).</item>
/// </list>
/// </summary>
public static class CustomerProfileMove
{
    public const string UpSql = """
        INSERT INTO Customers (Name, Phone, Email, Notes, UserId, Star, OwnerAccountId, Source, OriginVisitorId,
                               CreatedByAccountId, CreatedAt, UpdatedByAccountId, UpdatedAt)
        SELECT p.Name, p.Phone, p.Email, p.Notes,
               CASE WHEN v.ExternalUserId IS NOT NULL AND p.VisitorId = (
                        SELECT MIN(p2.VisitorId) FROM CustomerProfiles p2 INNER JOIN Visitors v2 ON v2.Id = p2.VisitorId
                        WHERE v2.ExternalUserId = v.ExternalUserId)
                    THEN v.ExternalUserId END,
               NULL,
               (SELECT a.Id FROM Accounts a WHERE a.Id = COALESCE(p.CreatedByAccountId, p.UpdatedByAccountId)),
               0, p.VisitorId, p.CreatedByAccountId, COALESCE(p.CreatedAt, p.UpdatedAt, v.FirstSeenAt),
               p.UpdatedByAccountId, p.UpdatedAt
        FROM CustomerProfiles p INNER JOIN Visitors v ON v.Id = p.VisitorId
        ORDER BY p.VisitorId
        """;

    /// <summary>Back to one row per visitor: customers filed from a visitor keep their details; the others have no visitor to hang on.</summary>
    public const string DownSql = """
        INSERT INTO CustomerProfiles (VisitorId, Name, Phone, Email, Notes, CreatedByAccountId, CreatedAt, UpdatedByAccountId, UpdatedAt)
        SELECT c.OriginVisitorId, c.Name, c.Phone, c.Email, c.Notes, c.CreatedByAccountId, c.CreatedAt, c.UpdatedByAccountId, c.UpdatedAt
        FROM Customers c WHERE c.OriginVisitorId IS NOT NULL
        """;

    public static void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(UpSql);
    }

    public static void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(DownSql);
    }
}
