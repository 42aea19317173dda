namespace CustomerService.Domain.Customers;

/// <summary>One confirmed .xlsx import (SPEC J4 history): who, when, which file, the counts and the file of refused rows.</summary>
public class CustomerImport
{
    public const int FileNameMaxLength = 255;

    private CustomerImport()
    {
        FileName = string.Empty;
    }

    public CustomerImport(int byAccountId, DateTime at, string fileName, ImportCounts counts, byte[]? errorFile)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(counts);
        ByAccountId = byAccountId;
        At = at;
        FileName = fileName.Length > FileNameMaxLength ? fileName[..FileNameMaxLength] : fileName;
        Created = counts.Created;
        Updated = counts.Updated;
        Skipped = counts.Skipped;
        Failed = counts.Failed;
        ErrorFile = errorFile;
    }

    public long Id { get; private set; }
    public int ByAccountId { get; private set; }
    public DateTime At { get; private set; }
    public string FileName { get; private set; }
    public int Created { get; private set; }
    public int Updated { get; private set; }
    public int Skipped { get; private set; }
    public int Failed { get; private set; }

    /// <summary>The refused rows with an error column (.xlsx), to fix and import again; null when none failed.</summary>
    public byte[]? ErrorFile { get; private set; }
}

/// <summary>What an import did: rows created, updated, skipped (duplicates the admin chose to skip, or unchanged) and refused.</summary>
public sealed record ImportCounts(int Created, int Updated, int Skipped, int Failed);
