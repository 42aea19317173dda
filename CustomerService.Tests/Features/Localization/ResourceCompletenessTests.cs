using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CustomerService.Tests.Features.Localization;

/// <summary>
/// Every text the UI asks for exists in 简体中文 and in English, and every rule-violation code has a message, so no
/// page ever shows a raw resource key to an agent.
/// </summary>
public sealed partial class ResourceCompletenessTests
{
    private static readonly string RepositoryRoot = FindRepositoryRoot();
    private static readonly string ResourceBase = Path.Combine(RepositoryRoot, "CustomerService.Web", "Localization", "UiText");

    [Fact]
    public void Chinese_and_English_resources_have_the_same_keys()
    {
        var chinese = ReadKeys(ResourceBase + ".resx");
        var english = ReadKeys(ResourceBase + ".en.resx");

        Assert.Empty(chinese.Except(english));
        Assert.Empty(english.Except(chinese));
    }

    [Fact]
    public void Every_literal_key_used_by_the_web_app_exists()
    {
        var keys = ReadKeys(ResourceBase + ".resx");
        var used = SourceFiles("CustomerService.Web", "*.razor", "*.cs")
            .SelectMany(file => LiteralKey().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetFileName(file), Key: m.Groups[1].Value)))
            .ToList();

        var missing = used.Where(u => !keys.Contains(u.Key)).Select(u => $"{u.File}: {u.Key}").Distinct().ToList();

        Assert.NotEmpty(used);
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_rule_violation_code_has_a_message()
    {
        var keys = ReadKeys(ResourceBase + ".resx");
        var codes = SourceFiles(string.Empty, "*.cs")
            .SelectMany(file => ViolationCode().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();

        var missing = codes.Where(code => !keys.Contains($"Error.{code}")).ToList();

        Assert.NotEmpty(codes);
        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("Role", typeof(CustomerService.Domain.Organisation.AccountRole))]
    [InlineData("LeaveMessageScope", typeof(CustomerService.Domain.Organisation.LeaveMessageScope))]
    [InlineData("SendKey", typeof(CustomerService.Domain.Organisation.SendKey))]
    [InlineData("LeaveMessageFieldMode", typeof(CustomerService.Domain.LeaveMessages.LeaveMessageFieldMode))]
    [InlineData("NoticeScope", typeof(CustomerService.Domain.Notifications.NoticeScope))]
    [InlineData("LeaveMessageFilter", typeof(CustomerService.Web.Features.LeaveMessages.LeaveMessageFilter))]
    [InlineData("AgentStatus", typeof(CustomerService.Domain.Conversations.AgentStatus))]
    [InlineData("SearchEngine", typeof(CustomerService.Domain.Visitors.SearchEngine))]
    [InlineData("Terminal", typeof(CustomerService.Domain.Visitors.Terminal))]
    [InlineData("EndReason", typeof(CustomerService.Domain.Conversations.EndReason))]
    [InlineData("EvaluationLevel", typeof(CustomerService.Domain.Conversations.EvaluationLevel))]
    public void Every_enum_value_shown_in_the_ui_has_a_label(string prefix, Type enumType)
    {
        var keys = ReadKeys(ResourceBase + ".resx");

        var missing = Enum.GetNames(enumType).Where(name => !keys.Contains($"{prefix}.{name}")).ToList();

        Assert.Empty(missing);
    }

    private static HashSet<string> ReadKeys(string path) =>
        XDocument.Load(path).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<string> SourceFiles(string project, params string[] patterns) =>
        patterns.SelectMany(pattern => Directory.EnumerateFiles(Path.Combine(RepositoryRoot, project), pattern, SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CustomerService.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CustomerService.sln not found above " + AppContext.BaseDirectory);
    }

    // L["Some.Key"] or L["Some.Key", args]: interpolated keys ($"Role.{x}") are covered by the enum test.
    [GeneratedRegex("""L\["([A-Za-z]+(?:\.[A-Za-z]+)+)"[\],]""")]
    private static partial Regex LiteralKey();

    [GeneratedRegex(@"new RuleViolation\(""([A-Za-z]+)""")]
    private static partial Regex ViolationCode();
}
