using Assistant.Api.Retrieval;
using Assistant.Core.Audit;
using Assistant.Core.Conversations;
using Assistant.Core.Drafts;
using Assistant.Core.Feedback;
using Assistant.Core.Forecasts;
using Assistant.Core.Retrieval;
using Assistant.Hosting;
using Assistant.Inference.Embeddings;
using Assistant.Storage.Audit;
using Assistant.Storage.Catalog;
using Assistant.Storage.Conversations;
using Assistant.Storage.Drafts;
using Assistant.Storage.Feedback;
using Assistant.Storage.Retrieval;
using Serilog;

namespace Assistant.Api.Hosting;

/// <summary>How the API is put together: configuration, logging, services and the request pipeline.</summary>
internal static class HostingExtensions
{
    public const string EnvironmentPrefix = "RAGLEGAL_";

    /// <summary>appsettings.json, then environment variables with the RAGLEGAL_ prefix (RAGLEGAL_Catalog__Path=…).</summary>
    public static void AddRagLegalConfiguration(this WebApplicationBuilder builder) =>
        builder.Configuration.AddEnvironmentVariables(EnvironmentPrefix);

    /// <summary>
    /// Serilog for every logger of the host, configured from the host's settings (Serilog, LogFile). The host owns its
    /// logger and disposes it; the static Log.Logger is left alone, so hosts in one process (tests) keep apart.
    /// </summary>
    public static void AddRagLegalLogging(this WebApplicationBuilder builder) =>
        builder.Services.AddSerilog(
            (services, logger) => logger.ConfigureRagLegal(services.GetRequiredService<IConfiguration>()),
            preserveStaticLogger: true);

    public static void AddRagLegalServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ApiOptions>(configuration.GetSection(ApiOptions.Section));
        services.AddOptions<VectorStoreOptions>()
            .Bind(configuration.GetSection(VectorStoreOptions.Section))
            .Validate(options => options.RefreshInterval > TimeSpan.Zero, "Vectors:RefreshInterval must be longer than zero.")
            .ValidateOnStart();
        services.Configure<EmbeddingModelOptions>(configuration.GetSection(EmbeddingModelOptions.Section));
        services.Configure<FusionOptions>(configuration.GetSection("Retrieval"));
        services.AddSingleton<DenseRetrieval>();
        services.AddHostedService<VectorIndexRefresh>();
        services.AddSingleton(provider =>
        {
            var dense = provider.GetRequiredService<DenseRetrieval>();
            return new CatalogRetrieval(provider.GetRequiredService<LegalCatalog>(), () => dense.Ranking);
        });
        // Malformed bodies throw in every environment, so that they reach the problem details below as a 400.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            if (context.Exception is BadHttpRequestException bad)
            {
                context.ProblemDetails.Status = bad.StatusCode;
                context.ProblemDetails.Title = "Invalid request";
                context.ProblemDetails.Detail = bad.InnerException is { } inner ? $"{bad.Message} {inner.Message}" : bad.Message;
            }
        });
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));
        services.AddSingleton(provider => LegalCatalog.Open(
            CatalogPath(provider),
            provider.GetRequiredService<ILogger<LegalCatalog>>(),
            lexicalIndex: provider.GetRequiredService<IConfiguration>().GetValue("Catalog:LexicalIndex", LexicalIndexKind.Memory)));
        services.AddHostedService<LexicalIndexWarmUp>();
        services.AddSingleton<IConversationStore>(provider => ConversationStore.Open(CatalogPath(provider)));
        services.AddSingleton<IAuditTrail>(provider => AuditTrail.Open(CatalogPath(provider)));
        services.AddSingleton<IDraftStore>(provider => DraftStore.Open(CatalogPath(provider)));
        services.AddSingleton<IForecastJobStore>(provider => ForecastJobStore.Open(CatalogPath(provider)));
        services.AddSingleton<IAnswerFeedbackStore>(provider => AnswerFeedbackStore.Open(CatalogPath(provider)));
    }

    /// <summary>The catalog file, which also holds conversations, the audit trail, drafts, forecast jobs, feedback on answers and discussions.</summary>
    internal static string CatalogPath(IServiceProvider provider) =>
        provider.GetRequiredService<IConfiguration>()["Catalog:Path"] is { Length: > 0 } path ? path : "data/raglegal.db";

    public static void UseRagLegalPipeline(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.UseForwardedHeaders();
        app.UseRagLegalRequestLogging();
        app.UseMiddleware<RequestSizeLimit>();
    }
}
