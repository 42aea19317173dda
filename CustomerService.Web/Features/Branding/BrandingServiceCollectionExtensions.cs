namespace CustomerService.Web.Features.Branding;

public static class BrandingServiceCollectionExtensions
{
    /// <summary>统一客服, 表情管理 and the enterprise's public images (issue 16).</summary>
    public static IServiceCollection AddBrandingFeature(this IServiceCollection services)
    {
        services.AddSingleton<VisitorAgentImage>();
        services.AddSingleton<BrandImages>();
        services.AddSingleton<EmojiCatalog>();
        services.AddScoped<UnifiedAgentImageService>();
        return services;
    }
}
