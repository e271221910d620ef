namespace Assistant.Api.Forecasts;

internal static class ForecastServices
{
    /// <summary>The forecast queue and its runner; the job store is the catalog's (see AddRagLegalServices).</summary>
    public static void AddRagLegalForecasts(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForecastOptions>(configuration.GetSection("Forecasts"));
        services.AddSingleton<ForecastWatchers>();
        services.AddSingleton<ForecastRunner>();
        services.AddSingleton<ForecastQueue>();
        services.AddHostedService(provider => provider.GetRequiredService<ForecastQueue>());
    }
}
