using Assistant.Core.Answers;
using Assistant.Core.Forecasts;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace Assistant.Api.Forecasts;

internal static class ForecastServices
{
    /// <summary>The forecast queue, its runner and the narrative's prompt on the chat's kernel; the job store is the catalog's (see AddRagLegalServices).</summary>
    public static void AddRagLegalForecasts(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForecastOptions>(configuration.GetSection("Forecasts"));
        services.Configure<NarrativeOptions>(configuration.GetSection(NarrativeOptions.Section));
        services.AddSingleton(provider => ForecastPrompt.Load(Path.GetFullPath(provider.GetRequiredService<IOptions<AnswerOptions>>().Value.PromptsPath, AppContext.BaseDirectory)));
        services.AddSingleton(provider => new ForecastNarrator(
            provider.GetRequiredService<Kernel>(),
            provider.GetRequiredService<ForecastPrompt>(),
            provider.GetRequiredService<IOptions<NarrativeOptions>>().Value));
        services.AddSingleton<ForecastWatchers>();
        services.AddSingleton<ForecastRunner>();
        services.AddSingleton<ForecastQueue>();
        services.AddHostedService(provider => provider.GetRequiredService<ForecastQueue>());
    }
}
