namespace CustomerService.Web.Features.Records;

public static class RecordsServiceCollectionExtensions
{
    /// <summary>互动记录 (SPEC G): lists, search, statistics, saved searches and remembered columns, in the account's records scope.</summary>
    public static IServiceCollection AddRecordsFeature(this IServiceCollection services) =>
        services.AddScoped<RecordListService>()
            .AddScoped<AbandonedRequestList>()
            .AddScoped<RecordColumnPreferences>()
            .AddScoped<RecordTranscriptService>()
            .AddScoped<RecordStatisticsService>()
            .AddScoped<SavedRecordSearches>();
}
