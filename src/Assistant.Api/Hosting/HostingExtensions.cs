using Assistant.Api.Chat;
using Assistant.Storage.Catalog;
using Serilog;
using Serilog.Events;

namespace Assistant.Api.Hosting;

/// <summary>How the API is put together: configuration, logging, services and the request pipeline.</summary>
internal static class HostingExtensions
{
    public const string EnvironmentPrefix = "RAGLEGAL_";

    /// <summary>appsettings.json, then environment variables with the RAGLEGAL_ prefix (RAGLEGAL_Catalog__Path=…).</summary>
    public static void AddRagLegalConfiguration(this WebApplicationBuilder builder) =>
        builder.Configuration.AddEnvironmentVariables(EnvironmentPrefix);

    public static void AddRagLegalLogging(this WebApplicationBuilder builder)
    {
        var logger = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(
                outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}",
                standardErrorFromLevel: LogEventLevel.Verbose,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
    }

    public static void AddRagLegalServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ApiOptions>(configuration.GetSection(ApiOptions.Section));
        services.Configure<ModelOptions>(configuration.GetSection(ModelOptions.Section));
        services.AddSingleton<AnswerEngines>();
        services.AddProblemDetails();
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));
        services.AddSingleton(provider => LegalCatalog.Open(
            configuration["Catalog:Path"] ?? "data/raglegal.db",
            provider.GetRequiredService<ILogger<LegalCatalog>>()));
    }

    public static void UseRagLegalPipeline(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestLogging>();
        app.UseMiddleware<RequestSizeLimit>();
    }
}
