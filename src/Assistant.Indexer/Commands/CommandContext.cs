using System.CommandLine;
using Assistant.Indexer.Hosting;
using Assistant.Storage.Catalog;
using Microsoft.Extensions.Logging;

namespace Assistant.Indexer.Commands;

/// <summary>What every command needs: settings, logging and the catalog named by --db.</summary>
internal sealed class CommandContext(IndexerSettings settings, ILoggerFactory loggers)
{
    public IndexerSettings Settings { get; } = settings;

    public ILoggerFactory Loggers { get; } = loggers;

    public string CatalogPath(ParseResult parse) => parse.GetValue(CliOptions.Database) ?? Settings.CatalogPath;

    public LegalCatalog OpenCatalog(string path, LexicalIndexKind lexicalIndex = LexicalIndexKind.Fts5) =>
        LegalCatalog.Open(path, Loggers.CreateLogger<LegalCatalog>(), lexicalIndex: lexicalIndex);

    /// <summary>Opens a catalog for reading, with a clear message when it has not been built yet.</summary>
    /// <param name="lexicalIndex">Memory for commands that search many times: building the index costs seconds on a large catalog.</param>
    public LegalCatalog OpenExistingCatalog(ParseResult parse, LexicalIndexKind lexicalIndex = LexicalIndexKind.Fts5)
    {
        var path = CatalogPath(parse);
        if (!File.Exists(path))
        {
            throw new CommandException($"No catalog at '{path}': run 'indexer ingest <paths>' first, or pass --db.");
        }

        return OpenCatalog(path, lexicalIndex);
    }
}

/// <summary>A user error a command reports as one line on stderr and exit code 2.</summary>
internal sealed class CommandException(string message) : Exception(message);
