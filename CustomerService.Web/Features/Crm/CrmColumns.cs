using CustomerService.Domain.Customers;

namespace CustomerService.Web.Features.Crm;

/// <summary>The built-in columns of the import template and the export, in order.</summary>
public static class CrmColumns
{
    public static IReadOnlyList<CustomerField> Builtin { get; } =
        [CustomerField.Name, CustomerField.Phone, CustomerField.Email, CustomerField.UserId, CustomerField.Star, CustomerField.Notes];

    /// <summary>
    /// Headings an import also accepts for a built-in column besides the template's (both languages): what merchants'
    /// own spreadsheets commonly say.
    /// </summary>
    public static IReadOnlyList<string> Aliases(CustomerField field) => field switch
    {
        CustomerField.Name => ["姓名", "客户姓名", "名称", "Name"],
        CustomerField.Phone => ["手机", "手机号", "电话", "Phone", "Mobile"],
        CustomerField.Email => ["邮箱", "电子邮箱", "E-mail", "Email"],
        CustomerField.UserId => ["用户ID", "用户id", "User id", "UserId"],
        CustomerField.Star => ["星级", "Star", "Stars"],
        CustomerField.Notes => ["备注", "Notes"],
    };

    public static string LabelKey(CustomerField field) => field switch
    {
        CustomerField.Name => "Field.Customer.Name",
        CustomerField.Phone => "Field.Customer.Phone",
        CustomerField.Email => "Field.Customer.Email",
        CustomerField.Notes => "Field.Customer.Notes",
        CustomerField.UserId => "Field.Crm.UserId",
        CustomerField.Star => "Crm.Star",
    };
}
