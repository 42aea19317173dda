using System.Globalization;
using CustomerService.Domain.Common;
using CustomerService.Domain.Qc;

namespace CustomerService.Web.Features.Qc;

/// <summary>
/// The scores as typed in the grading form, one entry per dimension: text (so “12.5” or “abc” reach a clear message
/// instead of being silently dropped by a numeric input) and the N/A box. <see cref="Preview"/> gives the live total.
/// </summary>
public sealed class QcScoreDraft
{
    public QcScoreDraft(IReadOnlyList<QcDimensionView> dimensions, IReadOnlyList<int?>? scores = null)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        Dimensions = dimensions;
        Entries = [.. dimensions.Select((d, i) => scores is not null && i < scores.Count
            ? new QcScoreEntry { Text = scores[i]?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, NotApplicable = scores[i] is null }
            : new QcScoreEntry())];
    }

    public IReadOnlyList<QcDimensionView> Dimensions { get; }

    public IReadOnlyList<QcScoreEntry> Entries { get; }

    /// <summary>The scores for the service (null = N/A), or the first entry that is not a number or is missing.</summary>
    public Outcome<IReadOnlyList<decimal?>> Parse()
    {
        var scores = new decimal?[Dimensions.Count];
        for (var i = 0; i < Dimensions.Count; i++)
        {
            var entry = Entries[i];
            if (entry.NotApplicable && Dimensions[i].AllowsNotApplicable)
            {
                continue;
            }

            var text = entry.Text.Trim();
            if (text.Length == 0)
            {
                return new RuleViolation("QcScoreRequired", Dimensions[i].Name);
            }

            if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var score))
            {
                return new RuleViolation("QcScoreNotNumber", Dimensions[i].Name);
            }

            scores[i] = score;
        }

        return new Outcome<IReadOnlyList<decimal?>>(scores, null);
    }

    /// <summary>What the scores add up to now, or the rule they break (SPEC H2).</summary>
    public Outcome<QcScoreSheet> Preview()
    {
        var parsed = Parse();
        if (!parsed.Succeeded)
        {
            return parsed.Violation!;
        }

        var dimensions = Dimensions.Select((d, i) => new QcDimension(i, d.Name, d.MaxScore, d.Description, d.AllowsNotApplicable, d.IsCritical)).ToList();
        return QcScoring.Score(dimensions, parsed.Value!);
    }
}

public sealed class QcScoreEntry
{
    public string Text { get; set; } = string.Empty;

    public bool NotApplicable { get; set; }
}
