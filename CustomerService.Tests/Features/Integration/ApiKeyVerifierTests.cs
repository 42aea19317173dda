using CustomerService.Domain.Security;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Integration.Authentication;
using CustomerService.Web.Features.Settings.ApiKeys;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Features.Integration;

/// <summary>SPEC L: a presented key is found by prefix and hash; its last use is written at most once a minute.</summary>
public sealed class ApiKeyVerifierTests
{
    [Fact]
    public async Task A_key_is_verified_until_it_is_revoked()
    {
        await using var db = await TestDatabase.CreateAsync();
        var keys = db.GetRequiredService<ApiKeyService>();
        var verifier = db.GetRequiredService<ApiKeyVerifier>();
        var created = (await keys.CreateAsync("ERP", createdByAccountId: 1)).Value!;

        var before = await verifier.VerifyAsync(created.Secret);
        await keys.RevokeAsync(created.Id);
        var after = await verifier.VerifyAsync(created.Secret);

        Assert.Equal(created.Id, before);
        Assert.Null(after);
    }

    [Fact]
    public async Task Keys_sharing_a_prefix_are_told_apart_by_their_hash()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using (var context = db.NewContext())
        {
            context.ApiKeys.Add(ApiKey.Issue("A", "same-prefix-1-aaaaaaaa", [], null, db.Clock.GetUtcNow().UtcDateTime).Value!.Key);
            context.ApiKeys.Add(ApiKey.Issue("B", "same-prefix-1-bbbbbbbb", [], null, db.Clock.GetUtcNow().UtcDateTime).Value!.Key);
            await context.SaveChangesAsync();
        }

        var verifier = db.GetRequiredService<ApiKeyVerifier>();
        await using var check = db.NewContext();
        var ids = await check.ApiKeys.OrderBy(k => k.Name).Select(k => k.Id).ToListAsync();

        Assert.Equal(ids[0], await verifier.VerifyAsync("same-prefix-1-aaaaaaaa"));
        Assert.Equal(ids[1], await verifier.VerifyAsync("same-prefix-1-bbbbbbbb"));
        Assert.Null(await verifier.VerifyAsync("same-prefix-1-cccccccc"));
    }

    [Fact]
    public async Task The_last_use_is_written_on_the_first_call_and_then_once_a_minute()
    {
        await using var db = await TestDatabase.CreateAsync();
        var created = (await db.GetRequiredService<ApiKeyService>().CreateAsync("ERP", createdByAccountId: 1)).Value!;
        var verifier = db.GetRequiredService<ApiKeyVerifier>();
        var start = db.Clock.GetUtcNow().UtcDateTime;

        await verifier.VerifyAsync(created.Secret);
        var first = await LastUsedAsync(db, created.Id);
        db.Clock.Advance(TimeSpan.FromSeconds(59));
        await verifier.VerifyAsync(created.Secret);
        var within = await LastUsedAsync(db, created.Id);
        db.Clock.Advance(TimeSpan.FromSeconds(1));
        await verifier.VerifyAsync(created.Secret);
        var after = await LastUsedAsync(db, created.Id);

        Assert.Equal(start, first);
        Assert.Equal(start, within);
        Assert.Equal(start.AddSeconds(60), after);
    }

    [Fact]
    public async Task Names_are_unique_among_active_keys_only()
    {
        await using var db = await TestDatabase.CreateAsync();
        var keys = db.GetRequiredService<ApiKeyService>();
        var first = (await keys.CreateAsync("ERP", 1)).Value!;

        var duplicate = await keys.CreateAsync("erp", 1);
        await keys.RevokeAsync(first.Id);
        var again = await keys.CreateAsync("ERP", 1);
        var revokedTwice = await keys.RevokeAsync(first.Id);

        Assert.Equal("ApiKeyNameTaken", duplicate.Violation!.Code);
        Assert.True(again.Succeeded);
        Assert.Equal("ApiKeyAlreadyRevoked", revokedTwice.Violation!.Code);
        Assert.Equal(new[] { "ERP", "ERP" }, (await keys.ListAsync()).Select(k => k.Name));
        Assert.Equal(new[] { true, false }, (await keys.ListAsync()).Select(k => k.IsActive));
    }

    private static async Task<DateTime?> LastUsedAsync(TestDatabase db, int keyId)
    {
        await using var context = db.NewContext();
        return await context.ApiKeys.Where(k => k.Id == keyId).Select(k => k.LastUsedAt).SingleAsync();
    }
}
