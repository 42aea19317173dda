using CustomerService.Domain.Common;

namespace CustomerService.Domain.Visitors;

/// <summary>
/// Size limits of visitor uploads (SPEC D6: image 1 MB, file 2 MB, configurable). The caller checks them, after
/// <see cref="UploadSniffer"/> has told which kind the upload really is.
/// </summary>
public sealed record UploadLimits(long MaxImageBytes = UploadLimits.DefaultMaxImageBytes, long MaxFileBytes = UploadLimits.DefaultMaxFileBytes)
{
    public const long DefaultMaxImageBytes = 1024 * 1024;
    public const long DefaultMaxFileBytes = 2 * 1024 * 1024;

    public static UploadLimits Default { get; } = new();

    public long MaxBytesFor(UploadKind kind) => kind switch
    {
        UploadKind.Image => MaxImageBytes,
        UploadKind.File => MaxFileBytes,
    };

    /// <summary><c>UploadTooLarge(limit in KB)</c> when <paramref name="length"/> exceeds the kind's limit.</summary>
    public RuleViolation? Check(UploadKind kind, long length) =>
        length > MaxBytesFor(kind) ? new RuleViolation("UploadTooLarge", MaxBytesFor(kind) / 1024) : null;
}
