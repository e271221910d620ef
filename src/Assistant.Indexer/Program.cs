using System.CommandLine;
using Assistant.Indexer.Commands;
using Assistant.Indexer.Hosting;
using Microsoft.Extensions.Logging;

var settings = IndexerSettings.Load();
using var loggers = Logging.CreateFactory(settings.Configuration);
var context = new CommandContext(settings, loggers);
var root = new RootCommand("RagLegal indexer: ingest Adilet acts, search and evaluate the catalog, run benchmarks.")
{
    CliOptions.Database,
    IngestCommand.Create(context),
    SearchCommand.Create(context),
    ShowCommand.Create(context),
    ChangesCommand.Create(context),
    ReferencesCommand.Create(context),
    EvalChangesCommand.Create(context),
    GapEvalCommand.Create(context),
    BrokenReferenceEvalCommand.Create(context),
    EvalCommand.Create(context),
    EmbedCommand.Create(context),
    TrainEmbedderCommand.Create(context),
    TrainRerankerCommand.Create(context),
    BenchCommand.Create(context),
    TokenCommand.Create(context),
    UserCommand.Create(context),
    DraftCommand.Create(context),
    FindingsCommand.Create(context),
    CommentEvalCommand.Create(),
};

try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (e is CommandException or FormatException or IOException or UnauthorizedAccessException)
{
    // Bad input from the user: one clear line, no stack trace.
    await Console.Error.WriteLineAsync($"error: {e.Message}");
    return 2;
}
catch (OperationCanceledException)
{
    await Console.Error.WriteLineAsync("cancelled");
    return 130;
}
catch (Exception e)
{
    loggers.CreateLogger("indexer").LogCritical(e, "The command failed unexpectedly");
    return 1;
}
