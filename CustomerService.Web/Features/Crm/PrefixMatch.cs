using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Crm;

/// <summary>
/// “Starts with” in a form the database answers from an index on the column (issue 14: the CRM list at 1M customers).
/// SQL Server seeks <c>LIKE 'p%'</c>. SQLite's <c>LIKE</c> ignores ASCII case, so it cannot use a BINARY index and
/// scans; its <c>GLOB 'p*'</c> is case-sensitive and seeks. When the prefix holds no ASCII letter (a Chinese name, a
/// phone number) both match exactly the same rows, so SQLite gets the GLOB; a prefix with Latin letters keeps LIKE's
/// case-insensitive match and its scan.
/// </summary>
public static class PrefixMatch
{
    private static readonly MethodInfo Glob = typeof(SqliteDbFunctionsExtensions).GetMethod(
        nameof(SqliteDbFunctionsExtensions.Glob), [typeof(DbFunctions), typeof(string), typeof(string)])!;

    private static readonly MethodInfo StringStartsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;

    public static Expression<Func<T, bool>> StartsWith<T>(Expression<Func<T, string?>> column, string prefix, bool sqlite)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(prefix);
        var useGlob = sqlite && !prefix.Any(char.IsAsciiLetter);
        // A member of a closure, not a constant: EF sends it as a parameter, so each prefix does not compile a new plan.
        var value = new PrefixValue(useGlob ? GlobPattern(prefix) : prefix);
        var argument = Expression.Property(Expression.Constant(value), nameof(PrefixValue.Value));
        Expression body = useGlob
            ? Expression.Call(Glob, Expression.Constant(EF.Functions), column.Body, argument)
            : Expression.Call(column.Body, StringStartsWith, argument);
        return Expression.Lambda<Func<T, bool>>(body, column.Parameters);
    }

    /// <summary>The prefix with GLOB's wildcards taken literally (<c>*</c>, <c>?</c>, <c>[</c> become classes of one), then <c>*</c>.</summary>
    public static string GlobPattern(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var pattern = new System.Text.StringBuilder(prefix.Length + 4);
        foreach (var c in prefix)
        {
            _ = c is '*' or '?' or '[' ? pattern.Append('[').Append(c).Append(']') : pattern.Append(c);
        }

        return pattern.Append('*').ToString();
    }

    private sealed record PrefixValue(string Value);
}
