using CustomerService.Data;
using CustomerService.Domain.Branding;
using CustomerService.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Branding;

/// <summary>统一客服 settings (seed 002 “二、企业设置 3.统一客服”): read and save the one row; a save applies to visitors at once.</summary>
public sealed class UnifiedAgentImageService(IDbContextFactory<CustomerServiceDbContext> dbFactory, VisitorAgentImage visitorImage, BrandImages images)
{
    public async Task<UnifiedAgentImageInput> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.UnifiedAgentImages.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return (row ?? UnifiedAgentImage.CreateDefault()).ToInput();
    }

    public async Task<Outcome> SaveAsync(UnifiedAgentImageInput input, CancellationToken cancellationToken = default)
    {
        if (UnifiedAgentImage.Check(input) is { } violation)
        {
            return violation;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.UnifiedAgentImages.SingleOrDefaultAsync(cancellationToken);
        var formerAvatar = row?.AvatarUrl;
        if (row is null)
        {
            db.UnifiedAgentImages.Add(new UnifiedAgentImage(input));
        }
        else
        {
            row.Update(input);
        }

        await db.SaveChangesAsync(cancellationToken);
        visitorImage.Invalidate();
        if (formerAvatar != input.AvatarUrl)
        {
            await images.ReleaseAsync(formerAvatar, cancellationToken);
        }

        return Outcome.Ok;
    }
}

/// <summary>The form of the 统一客服 page (mutable for binding).</summary>
public sealed class UnifiedAgentImageForm
{
    public bool UnifyAvatar { get; set; }
    public string? AvatarUrl { get; set; }
    public bool UnifyName { get; set; }
    public string? Name { get; set; }
    public bool UnifySignature { get; set; }
    public string? Signature { get; set; }
    public bool PopUpOnAgentMessage { get; set; }

    public UnifiedAgentImageInput Input => new(UnifyAvatar, AvatarUrl, UnifyName, Name, UnifySignature, Signature, PopUpOnAgentMessage);

    public static UnifiedAgentImageForm From(UnifiedAgentImageInput input) => new()
    {
        UnifyAvatar = input.UnifyAvatar,
        AvatarUrl = input.AvatarUrl,
        UnifyName = input.UnifyName,
        Name = input.Name,
        UnifySignature = input.UnifySignature,
        Signature = input.Signature,
        PopUpOnAgentMessage = input.PopUpOnAgentMessage,
    };
}
