using CustomerService.Domain.Common;
using CustomerService.Domain.Organisation;

namespace CustomerService.Domain.LeaveMessages;

/// <summary>
/// The visitor's leave-message form (SPEC E2, N2 <c>POST /api/visitor/leave-messages</c>) checked against the
/// enterprise's 留言设置: required fields present, e-mail and phone well-formed, lengths within the columns and no
/// control characters (<see cref="InputText"/>). Hidden fields are not checked: the visitor never saw them, and the
/// caller drops what they carry.
/// </summary>
public static class LeaveMessageForm
{
    public const int NameMaxLength = InputLimits.LeaveMessageName;
    public const int EmailMaxLength = InputLimits.Email;
    public const int ContentMaxLength = InputLimits.LeaveMessageContent;

    public static RuleViolation? Check(LeaveMessageOptions settings, string? name, string? phone, string? email, string? content)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.Enabled)
        {
            return new RuleViolation("LeaveMessageDisabled");
        }

        return CheckText(settings.Name, name, "LeaveMessage.Name", NameMaxLength)
            ?? CheckPresence(settings.Phone, phone, "LeaveMessage.Phone")
            ?? (settings.Phone == LeaveMessageFieldMode.Hidden ? null : AccountRules.CheckPhone(phone?.Trim()))
            ?? CheckText(settings.Email, email, "LeaveMessage.Email", EmailMaxLength)
            ?? (settings.Email == LeaveMessageFieldMode.Hidden ? null : AccountRules.CheckEmail(email?.Trim()))
            ?? CheckText(settings.Content, content, "LeaveMessage.Content", ContentMaxLength);
    }

    /// <inheritdoc cref="Check(LeaveMessageOptions, string?, string?, string?, string?)"/>
    public static RuleViolation? Check(LeaveMessageSettings settings, string? name, string? phone, string? email, string? content)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Check(settings.Options, name, phone, email, content);
    }

    private static RuleViolation? CheckPresence(LeaveMessageFieldMode mode, string? value, string field) =>
        mode == LeaveMessageFieldMode.Required && string.IsNullOrWhiteSpace(value) ? new RuleViolation("Required", field) : null;

    private static RuleViolation? CheckText(LeaveMessageFieldMode mode, string? value, string field, int maxLength) =>
        CheckPresence(mode, value, field)
        ?? (mode == LeaveMessageFieldMode.Hidden || value is null ? null : InputText.Check(field, value.Trim(), maxLength));
}
