using CustomerService.Domain.Conversations;

namespace CustomerService.Tests.Domain.Conversations;

/// <summary>SPEC D10: ≤50 types, names ≤25 characters, a well-formed multi-level tree.</summary>
public sealed class ConsultationTypeRulesTests
{
    [Fact]
    public void Multi_level_tree_within_limits_is_valid()
    {
        ConsultationType[] types =
        [
            new(1, null, "售前咨询"),
            new(2, 1, "商品咨询"),
            new(3, 2, "尺码"),
            new(4, null, "售后"),
            new(5, 4, "商品咨询"),
        ];

        Assert.Empty(ConsultationTypeRules.Validate(types));
    }

    [Fact]
    public void Tree_with_fifty_types_is_valid_and_fifty_one_is_too_many()
    {
        var fifty = Enumerable.Range(1, 50).Select(i => new ConsultationType(i, null, $"类型{i}")).ToList();
        var fiftyOne = fifty.Append(new ConsultationType(51, null, "类型51")).ToList();

        Assert.Empty(ConsultationTypeRules.Validate(fifty));
        Assert.Contains(
            new ConsultationTypeIssue(ConsultationTypeProblem.TooManyTypes), ConsultationTypeRules.Validate(fiftyOne));
    }

    [Fact]
    public void Name_of_twenty_five_characters_is_valid_and_twenty_six_is_too_long()
    {
        ConsultationType[] types = [new(1, null, new string('退', 25)), new(2, null, new string('换', 26))];

        var issues = ConsultationTypeRules.Validate(types);

        Assert.Equal([new ConsultationTypeIssue(ConsultationTypeProblem.NameTooLong, 2)], issues);
    }

    [Fact]
    public void Blank_name_is_required()
    {
        var issues = ConsultationTypeRules.Validate([new ConsultationType(1, null, "  ")]);

        Assert.Equal([new ConsultationTypeIssue(ConsultationTypeProblem.NameRequired, 1)], issues);
    }

    [Fact]
    public void Parent_must_exist()
    {
        var issues = ConsultationTypeRules.Validate([new ConsultationType(1, 99, "物流")]);

        Assert.Equal([new ConsultationTypeIssue(ConsultationTypeProblem.UnknownParent, 1)], issues);
    }

    [Fact]
    public void Parent_cycle_is_rejected()
    {
        ConsultationType[] types = [new(1, 2, "甲"), new(2, 1, "乙")];

        var issues = ConsultationTypeRules.Validate(types);

        Assert.All(issues, issue => Assert.Equal(ConsultationTypeProblem.ParentCycle, issue.Problem));
        Assert.Equal(2, issues.Count);
    }

    [Fact]
    public void Sibling_names_must_differ()
    {
        ConsultationType[] types = [new(1, null, "物流"), new(2, null, " 物流 ")];

        var issues = ConsultationTypeRules.Validate(types);

        Assert.Equal([new ConsultationTypeIssue(ConsultationTypeProblem.DuplicateSiblingName, 2)], issues);
    }

    [Fact]
    public void Duplicate_ids_are_rejected()
    {
        ConsultationType[] types = [new(1, null, "物流"), new(1, null, "支付")];

        Assert.Contains(
            new ConsultationTypeIssue(ConsultationTypeProblem.DuplicateId, 1), ConsultationTypeRules.Validate(types));
    }

    [Fact]
    public void Validating_no_type_tree_is_a_programming_error() =>
        Assert.Throws<ArgumentNullException>(() => ConsultationTypeRules.Validate(null!));
}
