using CustomerService.Domain.Common;

namespace CustomerService.Domain.Conversations;

/// <summary>
/// SPEC D10 summary rules. When the enterprise forces summaries (the prompt on close) a type is required, because the
/// point of forcing is the type statistics (seed 002 KPI 咨询类型, 已总结咨询); otherwise a note alone is enough.
/// </summary>
public static class ConsultationSummaryRules
{
    /// <summary>Not fixed by the seeds; long enough for a paragraph, short enough for a list column.</summary>
    public const int NoteMaxLength = 500;

    public static IReadOnlyList<SummaryProblem> Validate(
        ConsultationSummary summary, IReadOnlyCollection<ConsultationType> types, bool typeRequired)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(types);

        var problems = new List<SummaryProblem>();
        var hasNote = !string.IsNullOrWhiteSpace(summary.Note);

        if (summary.TypeId is { } typeId)
        {
            if (!types.Any(t => t.Id == typeId))
            {
                problems.Add(SummaryProblem.UnknownType);
            }
        }
        else if (typeRequired)
        {
            problems.Add(SummaryProblem.TypeRequired);
        }
        else if (!hasNote)
        {
            problems.Add(SummaryProblem.Empty);
        }

        if (hasNote && summary.Note!.Trim().Length > NoteMaxLength)
        {
            problems.Add(SummaryProblem.NoteTooLong);
        }

        return problems;
    }

    /// <summary>The first problem as a rule violation, for callers that report one message.</summary>
    public static RuleViolation? Check(ConsultationSummary summary, IReadOnlyCollection<ConsultationType> types, bool typeRequired) =>
        Validate(summary, types, typeRequired).Select(problem => (SummaryProblem?)problem).FirstOrDefault() switch
        {
            SummaryProblem.Empty => new RuleViolation("SummaryEmpty"),
            SummaryProblem.TypeRequired => new RuleViolation("SummaryTypeRequired"),
            SummaryProblem.UnknownType => new RuleViolation("SummaryTypeUnknown"),
            SummaryProblem.NoteTooLong => new RuleViolation("TooLong", "Summary.Note", NoteMaxLength),
            _ => null,
        };
}
