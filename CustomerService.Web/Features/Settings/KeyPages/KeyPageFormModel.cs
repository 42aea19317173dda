using CustomerService.Domain.Organisation;

namespace CustomerService.Web.Features.Settings.KeyPages;

public sealed class KeyPageFormModel
{
    public string Name { get; set; } = string.Empty;
    public string UrlPattern { get; set; } = string.Empty;
    public KeyPageType PageType { get; set; } = KeyPageType.Other;
}
