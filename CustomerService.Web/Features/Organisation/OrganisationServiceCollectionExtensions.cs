namespace CustomerService.Web.Features.Organisation;

public static class OrganisationServiceCollectionExtensions
{
    public static IServiceCollection AddOrganisationFeature(this IServiceCollection services) =>
        services.AddScoped<AccountCreator>().AddScoped<OrganisationBootstrap>();
}
