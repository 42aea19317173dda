using CustomerService.Domain.Qc;

namespace CustomerService.Tests.Domain.Qc;

/// <summary>SPEC H1: standards, their dimensions and versions.</summary>
public sealed class QcStandardTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc);

    private static readonly IReadOnlyList<QcDimensionInput> Demo =
    [
        new("服务态度", 30), new("专业能力", 30), new("响应速度", 20), new("解决问题", 20, "问题是否当场解决", AllowsNotApplicable: true),
    ];

    [Fact]
    public void A_new_standard_has_version_1_with_its_dimensions_in_order()
    {
        var standard = QcStandard.Create(" 默认标准 ", Demo, Now).Value!;

        Assert.Equal("默认标准", standard.Name);
        Assert.False(standard.IsDefault);
        var version = Assert.Single(standard.Versions);
        Assert.Same(version, standard.CurrentVersion);
        Assert.Equal((1, Now, 100), (version.Number, version.CreatedAt, version.TotalMax));
        Assert.Equal(["服务态度", "专业能力", "响应速度", "解决问题"], version.Dimensions.Select(d => d.Name));
        Assert.Equal([0, 1, 2, 3], version.Dimensions.Select(d => d.Position));
        var last = version.Dimensions[3];
        Assert.Equal(("问题是否当场解决", true, false), (last.Description, last.AllowsNotApplicable, last.IsCritical));
    }

    [Fact]
    public void Revising_adds_a_version_and_leaves_the_old_one_as_it_was()
    {
        var standard = QcStandard.Create("默认标准", Demo, Now).Value!;
        var first = standard.CurrentVersion;

        var second = standard.Revise("标准二", [new("服务态度", 50, IsCritical: true), new("专业能力", 50)], Now.AddDays(1)).Value!;

        Assert.Equal(2, standard.Versions.Count);
        Assert.Same(second, standard.CurrentVersion);
        Assert.Equal(("标准二", 2, 100), (standard.Name, second.Number, second.TotalMax));
        Assert.True(second.Dimensions[0].IsCritical);
        Assert.Equal(["服务态度", "专业能力", "响应速度", "解决问题"], first.Dimensions.Select(d => d.Name));
        Assert.Equal(1, first.Number);
    }

    [Fact]
    public void A_refused_revision_changes_nothing()
    {
        var standard = QcStandard.Create("默认标准", Demo, Now).Value!;

        var outcome = standard.Revise("改名", [], Now);

        Assert.Equal("QcNoDimensions", outcome.Violation!.Code);
        Assert.Equal("默认标准", standard.Name);
        Assert.Single(standard.Versions);
    }

    [Fact]
    public void The_default_mark_is_set_and_cleared()
    {
        var standard = QcStandard.Create("默认标准", Demo, Now).Value!;

        standard.MarkDefault(true);
        Assert.True(standard.IsDefault);
        standard.MarkDefault(false);
        Assert.False(standard.IsDefault);
    }

    [Fact]
    public void A_standard_without_dimensions_is_refused()
    {
        Assert.Equal("QcNoDimensions", QcStandard.Create("A", [], Now).Violation!.Code);
        Assert.Equal("QcNoDimensions", QcStandard.Check("A", null)!.Code);
    }

    [Theory]
    [InlineData("服务态度", "服务态度")]
    [InlineData("Tone", " tone ")]
    public void Duplicate_dimension_names_are_refused(string first, string second)
    {
        var outcome = QcStandard.Create("A", [new(first, 50), new(second, 50)], Now);

        Assert.Equal("QcDuplicateDimension", outcome.Violation!.Code);
        Assert.Equal(second.Trim(), outcome.Violation.Arguments[0]);
    }

    [Fact]
    public void A_dimension_with_max_0_is_refused_and_1_to_1000_are_taken()
    {
        Assert.Equal("QcMaxScoreTooSmall", QcStandard.Create("A", [new("态度", 0)], Now).Violation!.Code);
        Assert.Equal("QcMaxScoreTooSmall", QcStandard.Create("A", [new("态度", -5)], Now).Violation!.Code);
        Assert.Equal("QcMaxScoreTooLarge", QcStandard.Create("A", [new("态度", 1001)], Now).Violation!.Code);
        Assert.True(QcStandard.Create("A", [new("态度", 1)], Now).Succeeded);
        Assert.True(QcStandard.Create("A", [new("态度", 1000)], Now).Succeeded);
    }

    [Fact]
    public void Names_are_required_and_bounded()
    {
        Assert.Equal("Required", QcStandard.Create(" ", Demo, Now).Violation!.Code);
        Assert.Equal("Required", QcStandard.Create(null, Demo, Now).Violation!.Code);
        Assert.Equal("TooLong", QcStandard.Create(new string('标', 51), Demo, Now).Violation!.Code);
        Assert.True(QcStandard.Create(new string('标', 50), Demo, Now).Succeeded);
        Assert.Equal("ControlCharacters", QcStandard.Create("A\u0007", Demo, Now).Violation!.Code);
        Assert.Equal("Required", QcStandard.Create("A", [new(" ", 10)], Now).Violation!.Code);
        Assert.Equal("TooLong", QcStandard.Create("A", [new(new string('维', 51), 10)], Now).Violation!.Code);
        Assert.True(QcStandard.Create("A", [new(new string('维', 50), 10)], Now).Succeeded);
        Assert.Equal("ControlCharacters", QcStandard.Create("A", [new("维\u001b", 10)], Now).Violation!.Code);
        Assert.Equal("TooLong", QcStandard.Create("A", [new("维", 10, new string('说', 201))], Now).Violation!.Code);
        Assert.True(QcStandard.Create("A", [new("维", 10, new string('说', 200))], Now).Succeeded);
    }

    [Fact]
    public void At_most_20_dimensions()
    {
        var twenty = Enumerable.Range(1, 20).Select(i => new QcDimensionInput($"D{i}", 5)).ToList();
        var twentyOne = Enumerable.Range(1, 21).Select(i => new QcDimensionInput($"D{i}", 5)).ToList();

        Assert.True(QcStandard.Create("A", twenty, Now).Succeeded);
        Assert.Equal("QcTooManyDimensions", QcStandard.Create("A", twentyOne, Now).Violation!.Code);
    }

    [Fact]
    public void A_blank_description_is_none_and_names_are_trimmed()
    {
        var dimension = new QcDimension(0, " 态度 ", 10, "  ");

        Assert.Equal(("态度", (string?)null), (dimension.Name, dimension.Description));
        Assert.Throws<CustomerService.Domain.Common.RuleViolationException>(() => new QcDimension(0, "态度", 0));
    }
}
