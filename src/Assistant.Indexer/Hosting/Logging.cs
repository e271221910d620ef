using Assistant.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Extensions.Logging;

namespace Assistant.Indexer.Hosting;

/// <summary>The indexer's loggers: Serilog configured from settings as the API's are (<see cref="RagLegalLogging"/>).</summary>
internal static class Logging
{
    public static ILoggerFactory CreateFactory(IConfiguration configuration) =>
        new SerilogLoggerFactory(new LoggerConfiguration().ConfigureRagLegal(configuration).CreateLogger(), dispose: true);
}
