using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Organisation;
using CustomerService.Web.Features.Branding;
using CustomerService.Web.Features.Reporting.Jobs;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Settings.Enterprise;

/// <summary>企业信息 (seed 002 “二、企业设置 1.企业信息”): the public image shown atop the visitor window, and the time zone.</summary>
public sealed class EnterpriseSettingsService(
    IDbContextFactory<CustomerServiceDbContext> dbFactory, ReportingCalendar calendar, ReportingSchedule reportingSchedule, BrandImages images)
{
    /// <summary>
    /// The zones merchants of this product use. IANA ids: .NET resolves them on Windows too (ICU), so the stored id is
    /// the same whatever the server runs on.
    /// </summary>
    public static readonly IReadOnlyList<string> TimeZoneChoices =
        ["Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Singapore", "Asia/Tokyo", "Europe/London", "America/New_York", "UTC"];

    public async Task<EnterpriseFormModel?> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var profile = await db.EnterpriseProfiles.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return profile is null ? null : EnterpriseFormModel.From(profile);
    }

    public async Task<Outcome> SaveAsync(EnterpriseInfo info, CancellationToken cancellationToken = default)
    {
        if (EnterpriseProfile.CheckInfo(info) is { } violation)
        {
            return violation;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var profile = await db.EnterpriseProfiles.SingleOrDefaultAsync(cancellationToken);
        if (profile is null)
        {
            return new RuleViolation("EnterpriseMissing");
        }

        var zoneChanged = profile.TimeZoneId != info.TimeZoneId;
        var windowChanged = profile.AttributionWindowDays != info.AttributionWindowDays;
        var formerLogo = profile.LogoUrl;
        profile.UpdateInfo(info);
        await db.SaveChangesAsync(cancellationToken);
        if (formerLogo != profile.LogoUrl)
        {
            await images.ReleaseAsync(formerLogo, cancellationToken);
        }

        // SPEC I4: every stored day was cut on the old clock, every attribution used the old window.
        if (zoneChanged)
        {
            calendar.Zone = profile.TimeZone;
            await reportingSchedule.ApplyAsync(profile.TimeZone, cancellationToken);
        }

        if (zoneChanged || windowChanged)
        {
            calendar.AttributionWindow = TimeSpan.FromDays(profile.AttributionWindowDays);
            await reportingSchedule.RecomputeAllNowAsync(cancellationToken);
        }

        return Outcome.Ok;
    }
}

public sealed class EnterpriseFormModel
{
    public string CompanyName { get; set; } = string.Empty;
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Website { get; set; }
    public string? LogoUrl { get; set; }
    public string? About { get; set; }
    public string TimeZoneId { get; set; } = "Asia/Shanghai";
    public bool AgentsStartOnline { get; set; } = true;
    public int AttributionWindowDays { get; set; } = EnterpriseProfile.DefaultAttributionWindowDays;

    public EnterpriseInfo Info => new(CompanyName, Address, Phone, Website, LogoUrl, About, TimeZoneId, AgentsStartOnline, AttributionWindowDays);

    public static EnterpriseFormModel From(EnterpriseProfile profile) => new()
    {
        CompanyName = profile.CompanyName,
        Address = profile.Address,
        Phone = profile.Phone,
        Website = profile.Website,
        LogoUrl = profile.LogoUrl,
        About = profile.About,
        TimeZoneId = profile.TimeZoneId,
        AgentsStartOnline = profile.AgentsStartOnline,
        AttributionWindowDays = profile.AttributionWindowDays,
    };
}
