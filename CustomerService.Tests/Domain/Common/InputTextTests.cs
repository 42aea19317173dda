using CustomerService.Domain.Common;

namespace CustomerService.Tests.Domain.Common;

public sealed class InputTextTests
{
    [Theory]
    [InlineData("你好")]
    [InlineData("第一行\n第二行")]
    [InlineData("尺码\t42")]
    [InlineData("")]
    [InlineData(null)]
    public void Plain_text_with_line_feeds_and_tabs_is_allowed(string? text)
    {
        Assert.False(InputText.HasForbiddenControlCharacter(text));
        Assert.Null(InputText.Check("Message.Text", text, 10));
    }

    [Theory]
    [InlineData("a\0b")]
    [InlineData("bell\a")]
    [InlineData("\u001b[31mred")]
    [InlineData("windows\r\nline")]
    [InlineData("del\u007f")]
    [InlineData("c1\u0085")]
    public void Other_control_characters_are_refused_naming_the_field(string text)
    {
        Assert.True(InputText.HasForbiddenControlCharacter(text));
        var violation = InputText.Check("Evaluation.Comment", text, 100);
        Assert.Equal(("ControlCharacters", "Evaluation.Comment"), (violation!.Code, (string)violation.Arguments[0]));
    }

    [Fact]
    public void Text_at_the_limit_passes_and_one_character_more_is_too_long()
    {
        Assert.Null(InputText.Check("Evaluation.Comment", new string('评', InputLimits.EvaluationComment), InputLimits.EvaluationComment));

        var violation = InputText.Check("Evaluation.Comment", new string('评', InputLimits.EvaluationComment + 1), InputLimits.EvaluationComment);

        Assert.Equal(("TooLong", "Evaluation.Comment", InputLimits.EvaluationComment), (violation!.Code, (string)violation.Arguments[0], (int)violation.Arguments[1]));
    }

    [Fact]
    public void Over_long_text_is_reported_as_too_long_before_its_characters_are_looked_at()
    {
        Assert.Equal("TooLong", InputText.Check("PageView.Title", new string('\a', 300), InputLimits.PageTitle)!.Code);
    }
}
