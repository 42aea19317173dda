using System.Net;
using CustomerService.Data.Identity;
using CustomerService.Domain.Organisation;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Auth;
using CustomerService.Web.Features.Settings.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Auth;

/// <summary>
/// Every refused sign-in costs the same work — one password hash — so the answer's time does not tell an unknown name,
/// a wrong password, a locked or a disabled account apart.
/// </summary>
public sealed class PasswordSignInTests : IAsyncLifetime
{
    private static readonly IPAddress Address = IPAddress.Parse("198.51.100.1");

    private readonly CountingPasswordHasher _hasher = new();
    private TestDatabase _db = null!;

    public async Task InitializeAsync() =>
        _db = await TestDatabase.CreateAsync(services => services.AddSingleton<IPasswordHasher<AppUser>>(_hasher));

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Unknown_wrong_locked_and_disabled_are_refused_alike_after_one_password_hash_each()
    {
        var admin = await _db.AddAccountAsync("admin", groupName: "管理部", role: AccountRole.Admin);
        await _db.AddAccountAsync("wrong");
        await _db.AddAccountAsync("locked");
        var disabled = await _db.AddAccountAsync("disabled");
        Assert.True((await _db.GetRequiredService<AccountSettingsService>().SetEnabledAsync(disabled, enabled: false, actingAccountId: admin)).Succeeded);
        for (var i = 0; i < 5; i++)
        {
            await SignInAsync("locked", "bad-password");
        }

        foreach (var (login, password) in new[] { ("nobody", "Passw0rd!"), ("wrong", "bad-password"), ("locked", "Passw0rd!"), ("disabled", "Passw0rd!") })
        {
            var before = _hasher.Verifications;
            var answer = await SignInAsync(login, password);

            Assert.Equal(SignInOutcome.Refused, answer.Outcome);
            Assert.Equal(before + 1, _hasher.Verifications);
        }
    }

    private async Task<SignInAnswer> SignInAsync(string login, string password)
    {
        await using var scope = _db.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PasswordSignIn>().SignInAsync(login, password, isPersistent: false, Address);
    }

    /// <summary>Identity's hasher (at a test work factor), counting the verifications.</summary>
    private sealed class CountingPasswordHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _inner = new(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = 1_000 }));
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
