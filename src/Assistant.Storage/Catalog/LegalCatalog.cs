using System.Diagnostics;
using Assistant.Core.Acts;
using Assistant.Core.Citations;
using Assistant.Core.Norms;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assistant.Storage.Catalog;

/// <summary>
/// The SQLite catalog of acts and norms, with an FTS5 lexical index over top-level norms. Every edition of every
/// language version of an act is kept; the newest edition per act and language is current. One connection,
/// used by one caller at a time.
/// </summary>
public sealed class LegalCatalog : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly ILogger<LegalCatalog> _logger;
    private readonly ActWriter _writer;
    private readonly NormSearch _search;
    private readonly CatalogReader _reader;
    private readonly Lock _gate = new();

    private LegalCatalog(SqliteConnection connection, ILogger<LegalCatalog> logger)
    {
        _connection = connection;
        _logger = logger;
        _writer = new ActWriter(connection);
        _search = new NormSearch(connection);
        _reader = new CatalogReader(connection);
    }

    /// <summary>Opens the catalog at <paramref name="path"/>, creating the file, its folder and the schema when absent.</summary>
    /// <exception cref="InvalidDataException">The file exists but is not a RagLegal catalog of this schema version.</exception>
    public static LegalCatalog Open(string path, ILogger<LegalCatalog>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        if (Path.GetDirectoryName(fullPath) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = fullPath, Pooling = false }.ToString());
        try
        {
            connection.Open();
            Pragmas(connection);
            CatalogSchema.Ensure(connection, fullPath);
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == 26)
        {
            connection.Dispose();
            throw new InvalidDataException($"'{fullPath}' is not a RagLegal catalog (not an SQLite database).", exception);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        var catalogLogger = logger ?? NullLogger<LegalCatalog>.Instance;
        CatalogLog.Opened(catalogLogger, fullPath, CatalogSchema.Version);
        return new LegalCatalog(connection, catalogLogger);
    }

    /// <summary>
    /// Replaces the stored rows of this act's (id, language, edition) in one transaction; on failure the previous
    /// rows stay. Afterwards the newest edition of the act in this language is current.
    /// </summary>
    public ActSaveResult SaveAct(Act act)
    {
        ArgumentNullException.ThrowIfNull(act);
        lock (_gate)
        {
            try
            {
                _search.Invalidate();
                var result = _writer.Save(act);
                CatalogLog.Saved(_logger, act.Id, act.Language, act.Edition, result.Norms, result.IsCurrent);
                return result;
            }
            catch (Exception exception) when (exception is SqliteException or InvalidDataException)
            {
                CatalogLog.SaveFailed(_logger, exception, act.Id, act.Language, act.Edition);
                throw;
            }
        }
    }

    /// <summary>Norms the query names by number first (<see cref="CitationQuery"/>: «ст. 188 УК»), then bm25-ranked lexical hits.</summary>
    public IReadOnlyList<SearchHit> Search(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Search(query, CitationQuery.Parse(query.Text));
    }

    /// <summary>Search with the norms the query names already parsed.</summary>
    internal IReadOnlyList<SearchHit> Search(SearchQuery query, IReadOnlyList<CitedNorms> cited)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(cited);
        var started = Stopwatch.GetTimestamp();
        IReadOnlyList<SearchHit> hits;
        lock (_gate)
        {
            hits = _search.Search(query, cited);
        }

        CatalogLog.Searched(_logger, query.Text, hits.Count, hits.Count(hit => hit.NamedInQuery), Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return hits;
    }

    /// <summary>A norm with its notes, references both ways, parts and other languages.</summary>
    /// <param name="language">Null: Russian when stored, else Kazakh.</param>
    /// <param name="edition">Null: the current edition.</param>
    public NormDetails? GetNorm(NormId id, Language? language = null, string? edition = null)
    {
        lock (_gate)
        {
            return _reader.GetNorm(id, language, edition);
        }
    }

    public IReadOnlyList<ActSummary> ListActs(ActFilter? filter = null)
    {
        lock (_gate)
        {
            return _reader.ListActs(filter ?? new ActFilter());
        }
    }

    /// <summary>The current edition of the act; Russian first when no language is given.</summary>
    public ActSummary? GetAct(string actId, Language? language = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actId);
        lock (_gate)
        {
            var acts = _reader.ListActs(new ActFilter { Language = language }, actId);
            return acts.FirstOrDefault(act => act.Language == Language.Ru) ?? acts.FirstOrDefault();
        }
    }

    public CatalogStats GetStats()
    {
        lock (_gate)
        {
            return _reader.GetStats();
        }
    }

    public void Dispose()
    {
        _writer.Dispose();
        _connection.Dispose();
    }

    private static void Pragmas(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";
        command.ExecuteNonQuery();
    }
}
