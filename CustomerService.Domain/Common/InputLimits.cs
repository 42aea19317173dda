namespace CustomerService.Domain.Common;

/// <summary>
/// How long each text that comes in from outside (the visitor API, the widget, the visitor's forms) may be, defined once:
/// the API refuses longer input naming the field, the entities' own checks use the same numbers, and the columns are this
/// wide. Refusing beats cutting: a cut comment or page title changes what the sender said without telling him.
/// </summary>
public static class InputLimits
{
    public const int MessageText = 5000;
    public const int MessageClientId = 64;
    public const int EvaluationComment = 500;

    public const int PageUrl = 2000;
    public const int PageTitle = 200;

    public const int ProductId = 64;
    public const int ProductName = 200;
    public const int ProductPrice = 32;
    public const int ProductUrl = 2000;

    /// <summary>The merchant's user id and name the widget passes (SPEC E1).</summary>
    public const int ExternalUserId = 64;
    public const int VisitorName = 64;

    public const int LeaveMessageName = 32;
    public const int Email = 256;
    public const int LeaveMessageContent = 500;
}
