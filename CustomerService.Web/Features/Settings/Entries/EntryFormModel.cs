namespace CustomerService.Web.Features.Settings.Entries;

/// <summary>The entry dialog's fields. The code is only editable before the entry is first saved.</summary>
public sealed class EntryFormModel
{
    public string Code { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public int ReceptionGroupId { get; set; }
}
