using CustomerService.Domain.Notifications;

namespace CustomerService.Web.Features.Settings.Notifications;

public sealed class NoticeFormModel
{
    public NoticeScope Scope { get; set; } = NoticeScope.Everyone;
    public int? AccountGroupId { get; set; }
    public int? AccountId { get; set; }
    public string Title { get; set; } = string.Empty;
    public string Body { get; set; } = string.Empty;

    public NoticeTarget Target => Scope switch
    {
        NoticeScope.Everyone => NoticeTarget.Everyone,
        NoticeScope.AccountGroup => new NoticeTarget(NoticeScope.AccountGroup, AccountGroupId),
        NoticeScope.Account => new NoticeTarget(NoticeScope.Account, AccountId),
    };
}
