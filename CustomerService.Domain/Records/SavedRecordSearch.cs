using CustomerService.Domain.Common;

namespace CustomerService.Domain.Records;

/// <summary>
/// 常用搜索 (SPEC G1): an advanced search of 互动记录 one account saved under a name, to apply again later. Only its
/// owner sees it. The search is kept as the list and the filter (<see cref="Search"/>, the records page's own JSON form
/// of them), never as a period: a saved search is applied to whatever period is chosen.
/// </summary>
public class SavedRecordSearch
{
    public const int NameMaxLength = 30;
    public const int SearchMaxLength = 2000;

    private SavedRecordSearch()
    {
        Name = string.Empty;
        Search = string.Empty;
    }

    private SavedRecordSearch(int accountId, string name, string search, DateTime savedAt)
    {
        AccountId = accountId;
        Name = name;
        Search = search;
        SavedAt = savedAt;
    }

    public int Id { get; private set; }

    public int AccountId { get; private set; }

    /// <summary>Trimmed, unique per account.</summary>
    public string Name { get; private set; }

    /// <summary>The list and filter as JSON.</summary>
    public string Search { get; private set; }

    public DateTime SavedAt { get; private set; }

    public static Outcome<SavedRecordSearch> Create(int accountId, string? name, string search, DateTime savedAt)
    {
        ArgumentNullException.ThrowIfNull(search);
        if (CheckName(name) is { } violation)
        {
            return violation;
        }

        if (search.Length > SearchMaxLength)
        {
            return new RuleViolation("Records.SavedSearch.TooLong", SearchMaxLength);
        }

        return new SavedRecordSearch(accountId, name!.Trim(), search, savedAt);
    }

    public RuleViolation? Rename(string? name)
    {
        if (CheckName(name) is { } violation)
        {
            return violation;
        }

        Name = name!.Trim();
        return null;
    }

    /// <summary>A name is required and at most <see cref="NameMaxLength"/> characters once trimmed.</summary>
    public static RuleViolation? CheckName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? new RuleViolation("Records.SavedSearch.NameRequired")
        : name.Trim().Length > NameMaxLength ? new RuleViolation("Records.SavedSearch.NameTooLong", NameMaxLength)
        : InputText.HasForbiddenControlCharacter(name) ? new RuleViolation("ControlCharacters", "Name")
        : null;
}
