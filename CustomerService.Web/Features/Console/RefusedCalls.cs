using CustomerService.Domain.Common;
using CustomerService.Web.Localization;
using MudBlazor;

namespace CustomerService.Web.Features.Console;

/// <summary>
/// Engine calls a console component makes itself (nothing in the console's state depends on them): a refused rule is
/// shown as an error snackbar in the agent's language, the same text the session's toasts would give.
/// </summary>
public static class RefusedCalls
{
    public static async Task<bool> TryAsync(this ISnackbar snackbar, ViolationText violations, Func<Task> call)
    {
        try
        {
            await call();
            return true;
        }
        catch (RuleViolationException refused)
        {
            snackbar.Add(violations.Describe(refused.Violation), Severity.Error);
            return false;
        }
    }
}
