namespace CustomerService.Web.Localization;

/// <summary>
/// Marker for the app's text resources (UiText.resx = 简体中文, the default; UiText.en.resx = English).
/// Keys are dotted by area: <c>Nav.*</c>, <c>Login.*</c>, <c>Accounts.*</c>, <c>Error.*</c>, <c>Field.*</c>.
/// </summary>
public sealed class UiText
{
}
