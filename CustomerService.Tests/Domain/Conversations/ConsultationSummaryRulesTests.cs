using CustomerService.Domain.Conversations;

namespace CustomerService.Tests.Domain.Conversations;

/// <summary>SPEC D10 咨询总结.</summary>
public sealed class ConsultationSummaryRulesTests
{
    private static readonly ConsultationType[] Types = [new(1, null, "售前"), new(2, 1, "价格")];

    [Fact]
    public void Summary_with_a_known_type_and_a_note_is_valid()
    {
        var summary = new ConsultationSummary(2, "问了满减");

        var problems = ConsultationSummaryRules.Validate(summary, Types, typeRequired: true);

        Assert.Empty(problems);
    }

    [Fact]
    public void Forced_summary_needs_a_type()
    {
        var summary = new ConsultationSummary(null, "问了满减");

        var problems = ConsultationSummaryRules.Validate(summary, Types, typeRequired: true);

        Assert.Equal([SummaryProblem.TypeRequired], problems);
    }

    [Fact]
    public void Unforced_summary_may_be_a_note_alone()
    {
        var summary = new ConsultationSummary(null, "问了满减");

        var problems = ConsultationSummaryRules.Validate(summary, Types, typeRequired: false);

        Assert.Empty(problems);
    }

    [Fact]
    public void Summary_without_type_or_note_is_empty()
    {
        var summary = new ConsultationSummary(null, " ");

        var problems = ConsultationSummaryRules.Validate(summary, Types, typeRequired: false);

        Assert.Equal([SummaryProblem.Empty], problems);
    }

    [Fact]
    public void Type_must_exist_in_the_tree()
    {
        var summary = new ConsultationSummary(42, null);

        var problems = ConsultationSummaryRules.Validate(summary, Types, typeRequired: false);

        Assert.Equal([SummaryProblem.UnknownType], problems);
    }

    [Fact]
    public void Over_long_note_is_rejected()
    {
        var note = new string('字', ConsultationSummaryRules.NoteMaxLength + 1);

        var summary = new ConsultationSummary(1, note);

        var problems = ConsultationSummaryRules.Validate(summary, Types, typeRequired: false);

        Assert.Equal([SummaryProblem.NoteTooLong], problems);
    }

    [Fact]
    public void A_note_of_five_hundred_characters_is_accepted() =>
        Assert.Empty(ConsultationSummaryRules.Validate(new ConsultationSummary(1, " " + new string('字', 500) + " "), Types, typeRequired: false));

    [Theory]
    [InlineData(null, null, false, "SummaryEmpty")]
    [InlineData(null, "问了满减", true, "SummaryTypeRequired")]
    [InlineData(9, "问了满减", false, "SummaryTypeUnknown")]
    public void The_first_problem_is_reported_as_its_rule(int? typeId, string? note, bool typeRequired, string expected) =>
        Assert.Equal(expected, ConsultationSummaryRules.Check(new ConsultationSummary(typeId, note), Types, typeRequired)?.ToString());

    [Fact]
    public void An_over_long_note_is_reported_naming_the_field_and_limit() =>
        Assert.Equal(
            "TooLong(Summary.Note, 500)",
            ConsultationSummaryRules.Check(new ConsultationSummary(1, new string('字', 501)), Types, typeRequired: true)?.ToString());

    [Fact]
    public void A_valid_summary_breaks_no_rule() =>
        Assert.Null(ConsultationSummaryRules.Check(new ConsultationSummary(2, "问了满减"), Types, typeRequired: true));

    [Fact]
    public void A_missing_summary_or_type_tree_is_a_programming_error()
    {
        Assert.Throws<ArgumentNullException>(() => ConsultationSummaryRules.Validate(null!, Types, typeRequired: false));
        Assert.Equal("types", Assert.Throws<ArgumentNullException>(() => ConsultationSummaryRules.Validate(new ConsultationSummary(1, null), null!, typeRequired: false)).ParamName);
    }
}

