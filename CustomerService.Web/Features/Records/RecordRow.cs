using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Records;
using CustomerService.Domain.Reporting;

namespace CustomerService.Web.Features.Records;

/// <summary>What 互动记录 searches: a list of the navigation, a period of local dates and the filters (SPEC G1, G2).</summary>
public sealed record RecordSearch(ReportPeriod Period, RecordList List, RecordFilter Filter)
{
    /// <summary>
    /// The first broken rule: a period reversed or over a year (SPEC I2, as the period picker refuses it — checked here
    /// too, for a crafted link or export request), then the filter's own.
    /// </summary>
    public RuleViolation? Validate() => ReportPeriod.Create(Period.From, Period.To).Violation ?? Filter.Validate();
}

/// <summary>One consultation as the records list and its export show it; times are UTC.</summary>
public sealed record RecordRow(
    long Id,
    DateTime RequestedAt,
    DateTime? AssignedAt,
    DateTime? EndedAt,
    long VisitorId,
    string? VisitorName,
    string? UserId,
    string? AgentName,
    string? ReceptionGroup,
    int VisitorMessages,
    int AgentMessages,
    EvaluationLevel? Rating,
    string? SummaryType,
    bool Purchased,
    bool IsVip,
    string? VisitorIp,
    string? StartPageTitle,
    string? StartPageUrl,
    Domain.Qc.QcBand? QcBand)
{
    public bool Valid => ConsultationClassifier.Classify(VisitorMessages, AgentMessages) == ConsultationValidity.Valid;

    /// <summary>From the assignment to the end (SPEC I0 咨询时长); null while it goes on.</summary>
    public TimeSpan? Duration => EndedAt is { } ended && AssignedAt is { } assigned ? ended - assigned : null;

    /// <summary>Visitor and agent messages, system messages excluded (SPEC I0 消息条数).</summary>
    public int Messages => VisitorMessages + AgentMessages;

    public RecordCursor Cursor => new(RequestedAt, Id);
}

/// <summary>A page of rows and where the next one starts (null: this was the last).</summary>
public sealed record RecordPage(IReadOnlyList<RecordRow> Rows, RecordCursor? Next);

/// <summary>Something to pick in the advanced search.</summary>
public sealed record RecordOption(int Id, string Name);

public sealed record RecordSearchOptions(
    IReadOnlyList<RecordOption> Agents, IReadOnlyList<RecordOption> ReceptionGroups, IReadOnlyList<RecordOption> ConsultationTypes,
    IReadOnlyList<RecordOption> AccountGroups);
