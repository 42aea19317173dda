namespace CustomerService.Web.Infrastructure;

/// <summary>A value of a link's query string, read as our own links write it.</summary>
public static class LinkValue
{
    /// <summary>
    /// An enum value by its name (our links write names). A number is refused: <c>Enum.TryParse</c> would take any
    /// number as a value. Absent: no value and nothing unreadable.
    /// </summary>
    public static (T? Value, bool Unreadable) Named<T>(string? text)
        where T : struct, Enum =>
        text is null ? (null, false)
        : Enum.TryParse<T>(text, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(text, out _) ? (parsed, false)
        : (null, true);
}
