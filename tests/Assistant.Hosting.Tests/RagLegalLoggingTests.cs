using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Serilog;

namespace Assistant.Hosting.Tests;

public sealed class RagLegalLoggingTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("raglegal-logs-").FullName;

    [Fact]
    public void A_log_file_path_writes_each_event_as_a_compact_json_line_with_its_properties()
    {
        using (var logger = Logger(("LogFile:Path", Path.Combine(folder, "api-.clef"))))
        {
            logger.Information("Ingested {Acts} acts from {Source}", 3, "samples");
        }

        var line = Assert.Single(ReadEvents());
        Assert.Equal("Ingested {Acts} acts from {Source}", line.GetProperty("@mt").GetString());
        Assert.Equal(3, line.GetProperty("Acts").GetInt32());
        Assert.Equal("samples", line.GetProperty("Source").GetString());
    }

    [Fact]
    public void Without_a_log_file_path_no_file_is_written()
    {
        using (var logger = Logger(("LogFile:Path", string.Empty)))
        {
            logger.Information("Only on the console");
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    [Fact]
    public void Minimum_levels_and_overrides_come_from_the_serilog_section()
    {
        using (var logger = Logger(
            ("LogFile:Path", Path.Combine(folder, "indexer-.clef")),
            ("Serilog:MinimumLevel:Default", "Debug"),
            ("Serilog:MinimumLevel:Override:Noisy", "Warning")))
        {
            logger.ForContext(Serilog.Core.Constants.SourceContextPropertyName, "Noisy.Component").Information("Left out");
            logger.ForContext(Serilog.Core.Constants.SourceContextPropertyName, "Noisy.Component").Warning("Kept warning");
            logger.ForContext(Serilog.Core.Constants.SourceContextPropertyName, "Quiet.Component").Debug("Kept debug");
        }

        Assert.Equal(["Kept warning", "Kept debug"], ReadEvents().Select(e => e.GetProperty("@mt").GetString()));
    }

    [Fact]
    public void Keeping_no_log_files_is_refused_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Logger(("LogFile:Path", Path.Combine(folder, "api-.clef")), ("LogFile:RetainedFiles", "0")));

        Assert.Equal("LogFile:RetainedFiles is 0; at least 1 file must be kept.", error.Message);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static Serilog.Core.Logger Logger(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new LoggerConfiguration().ConfigureRagLegal(configuration).CreateLogger();
    }

    private List<JsonElement> ReadEvents() =>
        [.. Directory.GetFiles(folder, "*.clef").SelectMany(File.ReadLines).Select(line => JsonDocument.Parse(line).RootElement.Clone())];
}
