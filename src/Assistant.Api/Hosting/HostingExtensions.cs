using Assistant.Api.Retrieval;
using Assistant.Core.Audit;
using Assistant.Core.Conversations;
using Assistant.Core.Drafts;
using Assistant.Core.Feedback;
using Assistant.Core.Findings;
using Assistant.Core.Forecasts;
using Assistant.Core.Retrieval;
using Assistant.Hosting;
using Assistant.Inference.Embeddings;
using Assistant.Inference.Reranking;
using Assistant.Storage.Audit;
using Assistant.Storage.Catalog;
using Assistant.Storage.Conversations;
using Assistant.Storage.Drafts;
using Assistant.Storage.Feedback;
using Assistant.Storage.Findings;
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
        services.AddRagLegalSecurityHeaders();
        services.AddOptions<VectorStoreOptions>()
            .Bind(configuration.GetSection(VectorStoreOptions.Section))
            .Validate(options => options.RefreshInterval > TimeSpan.Zero, "Vectors:RefreshInterval must be longer than zero.")
            .ValidateOnStart();
        services.Configure<EmbeddingModelOptions>(configuration.GetSection(EmbeddingModelOptions.Section));
        services.Configure<FusionOptions>(configuration.GetSection("Retrieval"));
        services.AddSingleton<DenseRetrieval>();
        services.AddHostedService<VectorIndexRefresh>();
        var thesaurus = OpenThesaurus(configuration);
        var reranker = OpenReranker(configuration);
        services.AddSingleton(provider =>
        {
            var dense = provider.GetRequiredService<DenseRetrieval>();
            return new CatalogRetrieval(provider.GetRequiredService<LegalCatalog>(), () => dense.Ranking, thesaurus, reranker);
        });
        // Malformed bodies throw in every environment, so that they reach ClientErrorHandler as a 4xx problem.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        ProblemLanguage.Register(services);
        services.AddExceptionHandler<ClientErrorHandler>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var language = context.HttpContext.RequestServices.GetRequiredService<ProblemLanguage>();
            if (context.Exception is not null && context.ProblemDetails.Status >= StatusCodes.Status500InternalServerError)
            {
                context.ProblemDetails.Title = "Server error";
                context.ProblemDetails.Detail = language.Say("The request failed on the server; the failure is logged.");
            }
            else if (context.ProblemDetails is { Status: StatusCodes.Status415UnsupportedMediaType, Detail: null })
            {
                // The framework refuses a body of another type without an exception, so without saying why.
                var sent = context.HttpContext.Request.ContentType is { } type ? $"'{type}'" : "nothing";
                context.ProblemDetails.Detail = language.Say($"The body must be JSON (Content-Type: application/json); it was sent as {sent}.");
            }

            language.Translate(context.ProblemDetails);
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
        services.AddSingleton<IFindingStore>(provider => FindingStore.Open(CatalogPath(provider)));
        services.AddSingleton<IAnswerFeedbackStore>(provider => AnswerFeedbackStore.Open(CatalogPath(provider)));
    }

    /// <summary>The catalog file, which also holds conversations, the audit trail, drafts, forecast jobs, findings, feedback on answers and discussions.</summary>
    internal static string CatalogPath(IServiceProvider provider) =>
        provider.GetRequiredService<IConfiguration>()["Catalog:Path"] is { Length: > 0 } path ? path : "data/raglegal.db";

    /// <summary>
    /// The request log sits outside the exception handler, so that it records the status the caller got rather than
    /// the exception; the language is chosen before, so that problems written for exceptions are worded in it.
    /// </summary>
    public static void UseRagLegalPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseRagLegalSecurityHeaders(SecurityHeaders.ApiPolicy);
        app.UseRagLegalRequestLogging();
        ProblemLanguage.Use(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestSizeLimit>();
    }

    /// <summary>Read at start-up, so that a missing or malformed thesaurus stops the service with the reason instead of failing searches.</summary>
    private static Thesaurus? OpenThesaurus(IConfiguration configuration)
    {
        var fusion = configuration.GetSection("Retrieval").Get<FusionOptions>() ?? new FusionOptions();
        try
        {
            fusion.Validate();
            return fusion.OpenThesaurus();
        }
        catch (Exception e) when (e is IOException or FormatException or ArgumentOutOfRangeException)
        {
            throw new InvalidOperationException($"Retrieval:Thesaurus could not be used: {e.Message}", e);
        }
    }

    private static LearnedReranker? OpenReranker(IConfiguration configuration)
    {
        var fusion = configuration.GetSection("Retrieval").Get<FusionOptions>() ?? new FusionOptions();
        try
        {
            return fusion.RerankerFolder() is { } folder ? LearnedReranker.Load(folder) : null;
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            throw new InvalidOperationException($"Retrieval:Reranker could not be used: {e.Message}", e);
        }
    }
}
