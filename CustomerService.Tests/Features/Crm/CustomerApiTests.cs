using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerService.Data;
using CustomerService.Domain.Customers;
using CustomerService.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CustomerService.Tests.Features.Integration.IntegrationApiTestKit;

namespace CustomerService.Tests.Features.Crm;

/// <summary>
/// SPEC N4 <c>PUT /api/v1/customers/{userId}</c>: upsert into the CRM by the merchant's user id; the same body twice
/// changes nothing; bad fields are a 400 with field errors and nothing is written.
/// </summary>
public sealed class CustomerApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_customer_without_a_key_is_401_and_not_stored()
    {
        using var client = Client(app, key: null);

        using var response = await client.PutAsJsonAsync("/api/v1/customers/nokey-1", new { name = "张三" });

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Null(await CustomerAsync("nokey-1"));
    }

    [Fact]
    public async Task A_new_user_is_created_from_the_api_unowned_and_the_same_body_again_changes_nothing()
    {
        await AddFieldAsync("会员等级", CustomFieldType.SingleChoice, "金卡", "银卡");
        using var client = Client(app);
        var body = new { name = "张三", phone = "13800138000", email = "zhang@example.com", star = 4, fields = new Dictionary<string, string?> { ["会员等级"] = "金卡" } };

        using var first = await client.PutAsJsonAsync("/api/v1/customers/api-1", body);
        var stored = await CustomerAsync("api-1");
        using var again = await client.PutAsJsonAsync("/api/v1/customers/api-1", body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal("/api/v1/customers/api-1", first.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using var answer = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
        Assert.False(answer.RootElement.GetProperty("changed").GetBoolean());
        Assert.Equal("金卡", answer.RootElement.GetProperty("fields").GetProperty("会员等级").GetString());
        var after = await CustomerAsync("api-1");
        Assert.Equal(
            ("张三", "13800138000", "zhang@example.com", (int?)4, CustomerSource.Api, (int?)null, (int?)null),
            (after!.Name, after.Phone, after.Email, after.Star, after.Source, after.OwnerAccountId, after.CreatedByAccountId));
        Assert.Equal(stored!.UpdatedAt, after.UpdatedAt);
        Assert.Equal(1, await CountAsync("api-1"));
    }

    [Fact]
    public async Task An_update_changes_the_fields_given_and_keeps_the_others()
    {
        using var client = Client(app);
        using var created = await client.PutAsJsonAsync("/api/v1/customers/api-2", new { name = "李四", phone = "13900139000", star = 2 });

        using var updated = await client.PutAsJsonAsync("/api/v1/customers/api-2", new { email = "li@example.com", star = 5 });

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        using var answer = JsonDocument.Parse(await updated.Content.ReadAsStringAsync());
        Assert.True(answer.RootElement.GetProperty("changed").GetBoolean());
        var after = await CustomerAsync("api-2");
        Assert.Equal(("李四", "13900139000", "li@example.com", (int?)5), (after!.Name, after.Phone, after.Email, after.Star));
    }

    [Fact]
    public async Task Bad_fields_are_a_400_with_each_field_and_nothing_is_written()
    {
        await AddFieldAsync("生日", CustomFieldType.Date);
        using var client = Client(app);

        using var response = await client.PutAsJsonAsync(
            "/api/v1/customers/api-bad",
            new { name = new string('名', 2000), phone = "call me", star = 9, fields = new Dictionary<string, string?> { ["生日"] = "明天", ["不存在"] = "x" } });

        var problem = await AssertValidationProblemAsync(response);
        Assert.Equal(new[] { "fields.不存在", "fields.生日", "name", "phone", "star" }, problem.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new[] { UiTexts.Chinese("Error.Crm.StarOutOfRange", 1, 5) }, problem.Errors["star"]);
        Assert.Null(await CustomerAsync("api-bad"));
    }

    [Fact]
    public async Task An_e_mail_of_the_wrong_shape_is_a_400_naming_it_and_nothing_is_written()
    {
        using var client = Client(app);

        using var response = await client.PutAsJsonAsync("/api/v1/customers/api-bad-mail", new { name = "王五", email = "wang.at.example.com" });

        var problem = await AssertValidationProblemAsync(response);
        Assert.Equal(new[] { "email" }, problem.Errors.Keys);
        Assert.Null(await CustomerAsync("api-bad-mail"));
    }

    [Fact]
    public async Task A_user_id_over_sixty_four_characters_is_refused()
    {
        using var client = Client(app);
        var userId = new string('u', 65);

        using var response = await client.PutAsJsonAsync($"/api/v1/customers/{userId}", new { name = "张三" });

        var problem = await AssertValidationProblemAsync(response);
        Assert.Equal(new[] { "userId" }, problem.Errors.Keys);
        Assert.Equal(0, await CountAsync(userId));
    }

    private async Task AddFieldAsync(string name, CustomFieldType type, params string[] options)
    {
        await using var scope = app.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerServiceDbContext>();
        if (!await db.CustomFields.AnyAsync(f => f.Name == name))
        {
            db.CustomFields.Add(new CustomField(name, type, options, isRequired: false, position: 0));
            await db.SaveChangesAsync();
        }
    }

    private async Task<Customer?> CustomerAsync(string userId)
    {
        await using var scope = app.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CustomerServiceDbContext>().Customers.AsNoTracking().SingleOrDefaultAsync(c => c.UserId == userId);
    }

    private async Task<int> CountAsync(string userId)
    {
        await using var scope = app.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CustomerServiceDbContext>().Customers.CountAsync(c => c.UserId == userId);
    }
}
