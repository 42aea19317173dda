namespace CustomerService.Web.Features.Settings.Phrases;

public sealed class PhraseFormModel
{
    public int GroupId { get; set; }
    public string Title { get; set; } = string.Empty;
    public string Content { get; set; } = string.Empty;

    public static PhraseFormModel From(PhraseRow row) => new() { GroupId = row.GroupId, Title = row.Title, Content = row.Content };
}
