using System.Globalization;
using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Assistant.Hosting;

/// <summary>Serilog as the API and the indexer both configure it, so that their logs read and switch alike.</summary>
public static class RagLegalLogging
{
    private const string ConsoleTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}";

    /// <summary>
    /// Levels, overrides and any further sinks from the "Serilog" section (Serilog.Settings.Configuration); events to
    /// stderr, so that the indexer's stdout stays machine-readable; and CLEF lines to <see cref="LogFileOptions.Path"/>
    /// when one is set.
    /// </summary>
    /// <exception cref="InvalidOperationException">LogFile:RetainedFiles is under 1.</exception>
    public static LoggerConfiguration ConfigureRagLegal(this LoggerConfiguration logger, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(configuration);
        logger.ReadFrom.Configuration(configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: ConsoleTemplate, standardErrorFromLevel: LogEventLevel.Verbose, formatProvider: CultureInfo.InvariantCulture);

        var file = configuration.GetSection(LogFileOptions.Section).Get<LogFileOptions>();
        if (string.IsNullOrWhiteSpace(file?.Path))
        {
            return logger;
        }

        if (file.RetainedFiles < 1)
        {
            throw new InvalidOperationException($"{LogFileOptions.Section}:RetainedFiles is {file.RetainedFiles}; at least 1 file must be kept.");
        }

        return logger.WriteTo.File(new CompactJsonFormatter(), file.Path, rollingInterval: RollingInterval.Day, retainedFileCountLimit: file.RetainedFiles);
    }
}
