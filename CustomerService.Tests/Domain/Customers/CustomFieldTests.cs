using CustomerService.Domain.Customers;

namespace CustomerService.Tests.Domain.Customers;

/// <summary>SPEC J3: custom fields and how a typed or imported value is read into its stored spelling.</summary>
public sealed class CustomFieldTests
{
    private static CustomField Field(CustomFieldType type, bool required = false, params string[] options) =>
        new("字段", type, options, required, 0);

    [Theory]
    [InlineData(CustomFieldType.Text, " 黑色 ", "黑色", null)]
    [InlineData(CustomFieldType.Text, "", null, null)]
    [InlineData(CustomFieldType.Number, "12.50", "12.50", null)]
    [InlineData(CustomFieldType.Number, "-3", "-3", null)]
    [InlineData(CustomFieldType.Number, "十二", null, "Crm.FieldNumber(字段)")]
    [InlineData(CustomFieldType.Date, "2026-03-02", "2026-03-02", null)]
    [InlineData(CustomFieldType.Date, "2026/3/2", "2026-03-02", null)]
    [InlineData(CustomFieldType.Date, "2026-02-30", null, "Crm.FieldDate(字段)")]
    [InlineData(CustomFieldType.Date, "下周", null, "Crm.FieldDate(字段)")]
    public void Values_are_read_into_one_spelling_or_refused(CustomFieldType type, string raw, string? stored, string? violation)
    {
        var value = Field(type).Read(raw);

        Assert.Equal((stored, violation), (value.Value, value.Violation?.ToString()));
    }

    [Fact]
    public void A_single_choice_takes_one_of_its_options_only()
    {
        var field = Field(CustomFieldType.SingleChoice, false, "男", "女");

        Assert.Equal("女", field.Read("女").Value);
        Assert.Equal("Crm.FieldOption(字段, 未知)", field.Read("未知").Violation?.ToString());
    }

    [Fact]
    public void A_multiple_choice_is_stored_in_the_order_of_its_options_whatever_the_separator()
    {
        var field = Field(CustomFieldType.MultipleChoice, false, "红", "黄", "蓝");

        Assert.Equal("红\n蓝", field.Read("蓝；红").Value);
        Assert.Equal("红\n蓝", field.Read("红;蓝;红").Value);
        Assert.Equal("Crm.FieldOption(字段, 绿)", field.Read("红;绿").Violation?.ToString());
    }

    [Fact]
    public void A_required_field_left_empty_is_refused() =>
        Assert.Equal("Crm.FieldRequired(字段)", Field(CustomFieldType.Text, required: true).Read("  ").Violation?.ToString());

    [Fact]
    public void A_value_over_five_hundred_characters_is_refused() =>
        Assert.Equal("TooLong(字段, 500)", Field(CustomFieldType.Text).Read(new string('字', 501)).Violation?.ToString());

    [Theory]
    [InlineData("", CustomFieldType.Text, "", "Required(Crm.Field.Name)")]
    [InlineData("性别", CustomFieldType.SingleChoice, "", "Crm.FieldOptionsRequired")]
    [InlineData("性别", CustomFieldType.SingleChoice, "男|男", "Crm.FieldOptionDuplicate")]
    [InlineData("爱好", CustomFieldType.MultipleChoice, "读书;写字", "Crm.FieldOptionInvalid(64)")]
    [InlineData("城市", CustomFieldType.Text, "", null)]
    public void Field_definitions_are_checked(string name, CustomFieldType type, string options, string? expected) =>
        Assert.Equal(expected, CustomField.Check(name, type, options.Length == 0 ? [] : options.Split('|'))?.ToString());
}
