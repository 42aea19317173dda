using System.Collections.Concurrent;
using System.Globalization;
using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Customers;
using CustomerService.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerService.Web.Features.Crm.Import;

/// <summary>What the admin does with a row that matches an earlier row or an existing customer (SPEC J4).</summary>
public enum DuplicateChoice
{
    Skip,
    Update,
}

/// <summary>A row that is someone already: an earlier row of the file (<see cref="SameAsRow"/>) or a stored customer.</summary>
public sealed record ImportDuplicate(int Row, int? SameAsRow, long? CustomerId);

/// <summary>What the file would do, before anything is written.</summary>
public sealed record ImportPreview(
    string Token, string FileName, int Rows, int New, IReadOnlyList<ImportProblem> Errors, IReadOnlyList<ImportProblem> Warnings,
    IReadOnlyList<ImportDuplicate> Duplicates);

/// <summary>
/// The admin's .xlsx import (SPEC J4). <see cref="PreviewAsync"/> keeps the upload in a temporary file and reads it once,
/// streaming, to list every bad row and duplicate; <see cref="ConfirmAsync"/> reads it again and writes the good rows in
/// ONE transaction, in batches of <see cref="BatchSize"/> with one lookup of existing customers per batch (by user id,
/// phone or e-mail), so a failure anywhere writes nothing and a second import of the same file changes nothing. The
/// history row keeps the counts and an error file of the refused rows.
/// </summary>
public sealed class CrmImporter(IDbContextFactory<CustomerServiceDbContext> dbFactory, IStringLocalizer<UiText> text, TimeProvider clock)
{
    public const long MaxFileBytes = 50L * 1024 * 1024;
    public const int MaxListed = 500;

    private readonly ConcurrentDictionary<string, PendingImport> _pending = new();

    public int BatchSize { get; init; } = 1000;

    public async Task<Outcome<ImportPreview>> PreviewAsync(Stream upload, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        if (!fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return new RuleViolation("Crm.ImportNotXlsx");
        }

        var path = Path.Combine(Path.GetTempPath(), "cs-crm-import", Guid.NewGuid().ToString("N") + ".xlsx");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var file = File.Create(path))
        {
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = await upload.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > MaxFileBytes)
                {
                    file.Close();
                    File.Delete(path);
                    return new RuleViolation("Crm.ImportTooLarge", MaxFileBytes / 1024 / 1024);
                }

                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }

        var run = await RunAsync(path, null, 0, cancellationToken);
        if (run.Violation is { } refused)
        {
            File.Delete(path);
            return refused;
        }

        var pass = run.Value!;
        var token = Guid.NewGuid().ToString("N");
        _pending[token] = new PendingImport(path, Path.GetFileName(fileName));
        return new ImportPreview(token, Path.GetFileName(fileName), pass.Rows, pass.Created, [.. pass.Errors.Take(MaxListed)], [.. pass.Warnings.Take(MaxListed)], [.. pass.Duplicates.Take(MaxListed)]);
    }

    /// <summary>Writes the previewed file; the history row's id and the counts.</summary>
    public async Task<Outcome<CustomerImport>> ConfirmAsync(int accountId, string token, DuplicateChoice choice, CancellationToken cancellationToken = default)
    {
        if (!_pending.TryRemove(token, out var pending))
        {
            return new RuleViolation("Crm.ImportExpired");
        }

        try
        {
            var run = await RunAsync(pending.Path, choice, accountId, cancellationToken);
            if (run.Violation is { } refused)
            {
                return refused;
            }

            var pass = run.Value!;
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var history = new CustomerImport(accountId, clock.GetUtcNow().UtcDateTime, pending.FileName,
                new ImportCounts(pass.Created, pass.Updated, pass.Skipped, pass.Failed.Count), pass.Failed.Count == 0 ? null : await ErrorFileAsync(pass, cancellationToken));
            db.CustomerImports.Add(history);
            await db.SaveChangesAsync(cancellationToken);
            return history;
        }
        finally
        {
            File.Delete(pending.Path);
        }
    }

    /// <summary>
    /// One streaming pass over the file. Without <paramref name="choice"/> it only reads and looks up (the preview);
    /// with it, it writes everything in one transaction.
    /// </summary>
    private async Task<Outcome<ImportPass>> RunAsync(
        string path, DuplicateChoice? choice, int accountId, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        using var reader = XlsxRowReader.TryOpen(stream);
        if (reader is null)
        {
            return new RuleViolation("Crm.ImportNotXlsx");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var fields = await CustomerFieldValues.FieldsAsync(db, cancellationToken);
        await using var transaction = choice is null ? null : await db.Database.BeginTransactionAsync(cancellationToken);
        var pass = new ImportPass(choice, accountId, clock.GetUtcNow().UtcDateTime, reader.MergedRows());
        ImportSheet? sheet = null;
        var batch = new List<ParsedRow>(BatchSize);
        foreach (var row in reader.Rows())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (sheet is null)
            {
                var read = ImportSheet.Read(row, fields, Labels);
                if (read.Violation is { } noHeader)
                {
                    return noHeader;
                }

                sheet = read.Value!;
                pass.Headings = sheet.Headings;
                continue;
            }

            if (row.Cells.Values.All(c => string.IsNullOrWhiteSpace(c.Text)))
            {
                continue;
            }

            batch.Add(sheet.Parse(row));
            if (batch.Count == BatchSize)
            {
                await pass.RunBatchAsync(db, batch, cancellationToken);
                batch.Clear();
            }
        }

        if (sheet is null)
        {
            return new RuleViolation("Crm.ImportNoHeader");
        }

        await pass.RunBatchAsync(db, batch, cancellationToken);
        if (pass.Rows == 0)
        {
            return new RuleViolation("Crm.ImportEmpty");
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return pass;
    }

    private IEnumerable<string> Labels(CustomerField field)
    {
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            var labels = new List<string>(CrmColumns.Aliases(field));
            foreach (var name in Cultures.Supported)
            {
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
                labels.Add(text[CrmColumns.LabelKey(field)].Value);
            }

            return labels;
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    /// <summary>The refused rows as they were, with a last column saying why (SPEC J4 error file), to fix and import again.</summary>
    private async Task<byte[]> ErrorFileAsync(ImportPass pass, CancellationToken cancellationToken)
    {
        var violations = new ViolationText(text);
        using var memory = new MemoryStream();
        await using (var spreadsheet = await SpreadCheetah.Spreadsheet.CreateNewAsync(memory, cancellationToken: cancellationToken))
        {
            await spreadsheet.StartWorksheetAsync(text["Crm.Import"].Value, token: cancellationToken);
            await spreadsheet.AddRowAsync([.. pass.Headings.Select(h => new SpreadCheetah.Cell(h)), new SpreadCheetah.Cell(text["Crm.ImportErrorColumn"].Value)], cancellationToken);
            foreach (var (row, problems) in pass.Failed)
            {
                var reasons = string.Join("；", problems.Select(p => $"{p.Column}: {violations.Describe(p.Violation)}"));
                await spreadsheet.AddRowAsync([.. row.Cells.Select(c => new SpreadCheetah.Cell(c)), new SpreadCheetah.Cell(reasons)], cancellationToken);
            }

            await spreadsheet.FinishAsync(cancellationToken);
        }

        return memory.ToArray();
    }

    private sealed record PendingImport(string Path, string FileName);
}
