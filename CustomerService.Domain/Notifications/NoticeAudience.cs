using CustomerService.Domain.Common;

namespace CustomerService.Domain.Notifications;

/// <summary>An account as the audience rule sees it.</summary>
public sealed record NoticeCandidate(int AccountId, int AccountGroupId, bool IsEnabled);

/// <summary>The scope an admin chose: everyone, an account group (<see cref="TargetId"/> = its id) or one account.</summary>
public sealed record NoticeTarget(NoticeScope Scope, int? TargetId = null)
{
    public static NoticeTarget Everyone { get; } = new(NoticeScope.Everyone);

    public static NoticeTarget Group(int accountGroupId) => new(NoticeScope.AccountGroup, accountGroupId);

    public static NoticeTarget Person(int accountId) => new(NoticeScope.Account, accountId);
}

/// <summary>
/// Who receives a notice (SPEC F10): the enabled accounts in its scope at the moment it is posted. A scope that reaches
/// nobody (an empty group, a disabled person) is refused, so an admin never posts into the void believing it was read.
/// </summary>
public static class NoticeAudience
{
    public static Outcome<IReadOnlyList<int>> Resolve(NoticeTarget target, IEnumerable<NoticeCandidate> accounts)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(accounts);

        if (target.Scope != NoticeScope.Everyone && target.TargetId is null)
        {
            return new RuleViolation("NoticeTargetRequired");
        }

        var enabled = accounts.Where(a => a.IsEnabled);
        IReadOnlyList<int> recipients = (target.Scope switch
        {
            NoticeScope.Everyone => enabled,
            NoticeScope.AccountGroup => enabled.Where(a => a.AccountGroupId == target.TargetId),
            NoticeScope.Account => enabled.Where(a => a.AccountId == target.TargetId),
        }).Select(a => a.AccountId).Distinct().Order().ToList();

        // Outcome's implicit conversion does not apply to interface types: build it explicitly.
        return recipients.Count == 0 ? new RuleViolation("NoticeNoRecipients") : new Outcome<IReadOnlyList<int>>(recipients, null);
    }
}
