using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CustomerService.Web.Localization;

/// <summary>
/// MudBlazor's own texts (close buttons, pagers, loading, required…) in the reader's language (issue 15): each of its
/// keys, e.g. <c>MudDataGridPager_RowsPerPage</c>, is looked up as <c>Mud.MudDataGridPager_RowsPerPage</c> in our
/// resources; a key we do not carry falls back to MudBlazor's English.
/// </summary>
public sealed class UiMudLocalizer(IStringLocalizer<UiText> text) : MudLocalizer
{
    public override LocalizedString this[string key]
    {
        get
        {
            var found = text[$"Mud.{key}"];
            return found.ResourceNotFound ? new LocalizedString(key, key, resourceNotFound: true) : new LocalizedString(key, found.Value);
        }
    }

    public override LocalizedString this[string key, params object[] arguments]
    {
        get
        {
            var found = text[$"Mud.{key}", arguments];
            return found.ResourceNotFound ? new LocalizedString(key, key, resourceNotFound: true) : new LocalizedString(key, found.Value);
        }
    }
}
