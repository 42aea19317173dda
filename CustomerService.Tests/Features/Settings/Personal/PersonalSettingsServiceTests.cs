using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Data.Identity;
using CustomerService.Domain.Organisation;
using CustomerService.Web.Features.Settings.Personal;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Settings.Personal;

public sealed class PersonalSettingsServiceTests : IAsyncLifetime
{
    private const string OldPassword = "Passw0rd!";
    private TestDatabase _database = null!;
    private int _accountId;

    private PersonalSettingsService Service => _database.GetRequiredService<PersonalSettingsService>();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _accountId = await _database.AddAccountAsync("sales1", OldPassword);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Changing_the_password_with_the_right_current_one_replaces_it()
    {
        var changed = await Service.ChangePasswordAsync(_accountId, OldPassword, "n3wSecret", "n3wSecret");

        Assert.True(changed.Succeeded, changed.Violation?.ToString());
        Assert.False(await PasswordIsAsync(OldPassword));
        Assert.True(await PasswordIsAsync("n3wSecret"));
    }

    [Fact]
    public async Task A_wrong_current_password_is_refused_and_the_password_stays()
    {
        var changed = await Service.ChangePasswordAsync(_accountId, "not-mine", "n3wSecret", "n3wSecret");

        Assert.Equal("WrongCurrentPassword", changed.Violation?.Code);
        Assert.True(await PasswordIsAsync(OldPassword));
    }

    [Fact]
    public async Task A_confirmation_that_differs_is_refused_and_the_password_stays()
    {
        var changed = await Service.ChangePasswordAsync(_accountId, OldPassword, "n3wSecret", "n3wSecreT");

        Assert.Equal("PasswordMismatch", changed.Violation?.Code);
        Assert.True(await PasswordIsAsync(OldPassword));
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("12345678901234567")]
    public async Task A_new_password_outside_6_to_16_characters_is_refused_and_the_password_stays(string newPassword)
    {
        var changed = await Service.ChangePasswordAsync(_accountId, OldPassword, newPassword, newPassword);

        Assert.Equal("PasswordLength", changed.Violation?.Code);
        Assert.True(await PasswordIsAsync(OldPassword));
    }

    [Fact]
    public async Task The_profile_is_updated_but_login_name_and_role_stay()
    {
        var updated = await Service.UpdateProfileAsync(_accountId, new AccountProfile("客服小美", "李美", "https://example.com/a.png", "很高兴为您服务"));

        Assert.True(updated.Succeeded);
        var me = await Service.GetAsync(_accountId);
        Assert.Equal(new AccountProfile("客服小美", "李美", "https://example.com/a.png", "很高兴为您服务"), me!.Profile);
        Assert.Equal(("sales1", AccountRole.Sales), (me.LoginName, me.Role));
    }

    [Fact]
    public async Task A_profile_without_external_name_is_refused_and_nothing_changes()
    {
        var updated = await Service.UpdateProfileAsync(_accountId, new AccountProfile(" ", "李美"));

        Assert.Equal("Required", updated.Violation?.Code);
        await using var db = _database.NewContext();
        Assert.Equal("sales1", (await db.Accounts.SingleAsync()).ExternalName);
    }

    private async Task<bool> PasswordIsAsync(string password)
    {
        await using var scope = _database.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByAccountIdAsync(_accountId);
        return await users.CheckPasswordAsync(user!, password);
    }
}
