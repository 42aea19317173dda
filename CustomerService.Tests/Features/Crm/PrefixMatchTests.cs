using CustomerService.Domain.Customers;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Crm;

namespace CustomerService.Tests.Features.Crm;

/// <summary>
/// The CRM's “starts with” conditions seek an index on SQLite (GLOB) yet match exactly what a case-insensitive LIKE
/// matched: wildcard characters typed by the user are literal, Latin letters still ignore case.
/// </summary>
public sealed class PrefixMatchTests
{
    [Theory]
    [InlineData("张", "张*")]
    [InlineData("138", "138*")]
    [InlineData("a*b", "a[*]b*")]
    [InlineData("?[x", "[?][[]x*")]
    [InlineData("%_", "%_*")]
    public void A_glob_pattern_takes_the_prefix_literally(string prefix, string pattern) =>
        Assert.Equal(pattern, PrefixMatch.GlobPattern(prefix));

    [Fact]
    public async Task Prefixes_match_literally_and_latin_letters_ignore_case()
    {
        await using var database = await TestDatabase.CreateAsync();
        var team = await DemoTeam.AddToAsync(database);
        await using (var db = database.NewContext())
        {
            var now = database.Clock.GetUtcNow().UtcDateTime;
            foreach (var (name, phone, email) in new[]
                     {
                         ("张*三", "13800000001", "Tom@example.com"), ("张三", "13800000002", "tom@example.com"), ("张?四", "13900000003", "TIM@example.com"),
                         ("Tom Lee", "13800000004", null), ("tommy", "13900000005", null), ("100%_纯棉", "13800000006", null),
                     })
            {
                db.Customers.Add(Customer.Create(CustomerSource.Crm, new CustomerData(new CustomerDetails(name, phone, email, null), null, null), team.Admin, team.Admin, now));
            }

            await db.SaveChangesAsync();
        }

        var search = database.GetRequiredService<CustomerSearch>();
        async Task<string[]> Find(CustomerQuery query) =>
            (await search.PageAsync(team.Admin, query, null, 50)).Rows.Select(r => r.Name!).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(["张*三"], await Find(new CustomerQuery { Name = "张*" }));
        Assert.Equal(["张?四"], await Find(new CustomerQuery { Name = "张?" }));
        Assert.Equal(["张*三", "张?四", "张三"], await Find(new CustomerQuery { Name = "张" }));
        Assert.Equal(["tommy", "张?四"], await Find(new CustomerQuery { Phone = "139" }));
        Assert.Equal(["100%_纯棉", "Tom Lee", "张*三", "张三"], await Find(new CustomerQuery { Phone = "13800000" }));
        Assert.Equal(["100%_纯棉"], await Find(new CustomerQuery { Name = "100%_" }));
        Assert.Empty(await Find(new CustomerQuery { Name = "100_" }));
        Assert.Equal(["Tom Lee", "tommy"], await Find(new CustomerQuery { Name = "TOM" }));
        Assert.Equal(["张*三", "张三"], await Find(new CustomerQuery { Email = "tom@" }));
    }
}
