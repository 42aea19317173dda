namespace CustomerService.Domain.Phrases;

/// <summary>
/// Whose phrases: the enterprise's (managed by admins, seen by every agent) or one account's personal ones (seen and
/// managed by that account only).
/// </summary>
public readonly record struct PhraseOwner(int? AccountId)
{
    public static PhraseOwner Enterprise => new(null);

    public bool IsEnterprise => AccountId is null;

    public static PhraseOwner Personal(int accountId) => new(accountId);
}
