using CustomerService.Domain.Organisation;

namespace CustomerService.Tests.Domain.Organisation;

/// <summary>Remembered column choices (详细数据 columns): what is kept, what is refused, what is ignored later.</summary>
public sealed class ColumnLayoutTests
{
    private static readonly DateTime Noon = new(2026, 12, 1, 4, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_layout_keeps_the_columns_in_the_chosen_order()
    {
        var layout = ColumnLayout.Create(7, "kpi.details.agents", ["valid", "consultations", "connectRate"], Noon).Value!;

        Assert.Equal(7, layout.AccountId);
        Assert.Equal("kpi.details.agents", layout.View);
        Assert.Equal(["valid", "consultations", "connectRate"], layout.ColumnNames);
        Assert.Equal(Noon, layout.SavedAt);
    }

    [Fact]
    public void A_saved_column_the_table_no_longer_has_is_ignored_and_reported()
    {
        var layout = ColumnLayout.Create(7, "kpi.details.agents", ["valid", "retiredFigure", "consultations"], Noon).Value!;

        var choice = layout.Resolve(["consultations", "valid", "invalid"]);

        Assert.Equal(["valid", "consultations"], choice.Columns);
        Assert.Equal(["retiredFigure"], choice.Unknown);
    }

    [Fact]
    public void Changing_a_layout_replaces_the_columns_and_the_time()
    {
        var layout = ColumnLayout.Create(7, "v", ["a"], Noon).Value!;

        var outcome = layout.Change(["b", "c"], Noon.AddHours(1));

        Assert.True(outcome.Succeeded);
        Assert.Equal(["b", "c"], layout.ColumnNames);
        Assert.Equal(Noon.AddHours(1), layout.SavedAt);
    }

    [Theory]
    [InlineData("", "ColumnLayout.ViewInvalid")]
    [InlineData("   ", "ColumnLayout.ViewInvalid")]
    public void A_layout_needs_a_view(string view, string code)
    {
        Assert.Equal(code, ColumnLayout.Create(1, view, ["a"], Noon).Violation?.Code);
    }

    [Fact]
    public void A_view_name_is_at_most_64_characters()
    {
        Assert.True(ColumnLayout.Create(1, new string('v', 64), ["a"], Noon).Succeeded);
        Assert.Equal("ColumnLayout.ViewInvalid", ColumnLayout.Create(1, new string('v', 65), ["a"], Noon).Violation?.Code);
    }

    [Fact]
    public void A_layout_without_columns_is_refused()
    {
        Assert.Equal("ColumnLayout.NoColumns", ColumnLayout.Create(1, "v", [], Noon).Violation?.Code);
    }

    [Fact]
    public void At_most_100_columns()
    {
        var hundred = Enumerable.Range(0, 100).Select(i => $"c{i}").ToList();
        Assert.True(ColumnLayout.Create(1, "v", hundred, Noon).Succeeded);

        var violation = ColumnLayout.Create(1, "v", [.. hundred, "c100"], Noon).Violation;

        Assert.Equal("ColumnLayout.TooManyColumns", violation?.Code);
        Assert.Equal([100], violation!.Arguments);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("a,b")]
    public void A_column_name_must_be_a_plain_name(string name)
    {
        Assert.Equal("ColumnLayout.ColumnNameInvalid", ColumnLayout.Create(1, "v", ["ok", name], Noon).Violation?.Code);
    }

    [Fact]
    public void A_column_name_is_at_most_64_characters()
    {
        Assert.True(ColumnLayout.Create(1, "v", [new string('c', 64)], Noon).Succeeded);
        Assert.Equal("ColumnLayout.ColumnNameInvalid", ColumnLayout.Create(1, "v", [new string('c', 65)], Noon).Violation?.Code);
    }

    [Fact]
    public void A_column_chosen_twice_is_refused()
    {
        Assert.Equal("ColumnLayout.DuplicateColumn", ColumnLayout.Create(1, "v", ["a", "b", "a"], Noon).Violation?.Code);
    }

    [Fact]
    public void A_refused_change_leaves_the_layout_as_it_was()
    {
        var layout = ColumnLayout.Create(7, "v", ["a"], Noon).Value!;

        var outcome = layout.Change(["b", "b"], Noon.AddHours(1));

        Assert.Equal("ColumnLayout.DuplicateColumn", outcome.Violation?.Code);
        Assert.Equal(["a"], layout.ColumnNames);
        Assert.Equal(Noon, layout.SavedAt);
    }

    [Fact]
    public void Null_arguments_are_errors()
    {
        var layout = ColumnLayout.Create(7, "v", ["a"], Noon).Value!;

        Assert.Throws<ArgumentNullException>(() => ColumnLayout.Create(7, "v", null!, Noon));
        Assert.Throws<ArgumentNullException>(() => layout.Change(null!, Noon));
        Assert.Throws<ArgumentNullException>(() => layout.Resolve(null!));
    }
}
