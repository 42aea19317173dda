using CustomerService.Domain.Common;
using CustomerService.Domain.Reporting;
using CustomerService.Web.Features.Reporting;

namespace CustomerService.Web.Features.Records;

/// <summary>One bar of a top-10 panel: a consultation type or a start page and its consultations.</summary>
public sealed record RankedCount(string Name, long Consultations);

/// <summary>
/// 整体统计 (SPEC G4; seed 002 互动记录 §3): the nine panels' numbers for a period. Every figure the report service
/// defines is its figure (<see cref="Figures"/>: valid / invalid, purchased, summarised, ratings, QC bands,
/// leave-messages), so these panels and the KPI pages cannot disagree; the rest are the report service's identity,
/// consultation-type and start-page figures cut to the top ten.
/// </summary>
public sealed record RecordStatistics(
    ReportPeriod Period, ReportFigures Figures, VisitorIdentityFigures Identity, IReadOnlyList<RankedCount> TopTypes, IReadOnlyList<RankedCount> TopStartPages)
{
    /// <summary>咨询后未购买: valid consultations not followed by a purchase (002 §3 (2): the two parts are the valid ones).</summary>
    public long NotPurchased => Figures.Valid - Figures.PurchasedConsultations;
}

/// <summary>
/// Computes 整体统计 for an account: his audience is decided by the data-scope service through the report service's
/// resolver (SPEC B, G6: admin and QC everyone, a team lead his account group, a sales agent himself), and the figures
/// credit each consultation as every report does (SPEC I0: to the agent responsible when it ended).
/// </summary>
public sealed class RecordStatisticsService(ReportService reports, ReportAudienceResolver audiences)
{
    public const int Top = 10;

    public async Task<Outcome<RecordStatistics>> ComputeAsync(int accountId, ReportPeriod period, CancellationToken cancellationToken = default)
    {
        var checkedPeriod = ReportPeriod.Create(period.From, period.To);
        if (checkedPeriod.Violation is { } violation)
        {
            return violation;
        }

        period = checkedPeriod.Value!;

        var audience = await audiences.ForAccountAsync(accountId, cancellationToken);
        var figures = (await reports.AgentsAsync(period, audience, cancellationToken)).Total;
        var identity = await reports.VisitorIdentityAsync(period, audience, cancellationToken);
        var types = (await reports.ConsultationTypesAsync(period, audience, cancellationToken)).Types
            .Where(t => t.Consultations > 0)
            .OrderByDescending(t => t.Consultations).ThenBy(t => t.Name, StringComparer.Ordinal)
            .Take(Top)
            .Select(t => new RankedCount(t.Name, t.Consultations))
            .ToList();
        var pages = (await reports.OriginsAsync(period, audience, cancellationToken)).StartPages
            .Where(p => p.Consultations > 0)
            .OrderByDescending(p => p.Consultations).ThenBy(p => p.Url, StringComparer.Ordinal)
            .Take(Top)
            .Select(p => new RankedCount(!string.IsNullOrWhiteSpace(p.Title) ? p.Title : !string.IsNullOrWhiteSpace(p.Url) ? p.Url : "–", p.Consultations))
            .ToList();
        return new RecordStatistics(period, figures, identity, types, pages);
    }
}
