using System.Diagnostics;
using Assistant.Core.Acts;
using Assistant.Core.Citations;
using Assistant.Core.Editions;
using Assistant.Core.Forecasts;
using Assistant.Core.Norms;
using Assistant.Core.Retrieval;
using Assistant.Storage.Catalog.Lexical;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assistant.Storage.Catalog;

/// <summary>
/// The SQLite catalog of acts and norms, with an FTS5 lexical index over top-level norms (and, when asked for, a copy
/// of it in memory that searches much faster). Every edition of every language version of an act is kept; the newest
/// edition per act and language is current. Reads run side by side, each on a connection of its own; saves take turns
/// on the one writing connection.
/// </summary>
public sealed class LegalCatalog : IEditionSource, IReferenceGraph, IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly ILogger<LegalCatalog> _logger;
    private readonly ActWriter _writer;
    private readonly ReaderPool _readers;
    private readonly LiveTermIndex? _termIndex;
    private readonly Lock _gate = new();

    // Replaced whole, so that a reader never sees one generation's counts under another's number.
    private volatile ActPriorsAt? _priors;

    private LegalCatalog(string path, SqliteConnection connection, ReaderPool readers, LiveTermIndex? termIndex, ILogger<LegalCatalog> logger)
    {
        Path = path;
        _connection = connection;
        _logger = logger;
        _writer = new ActWriter(connection);
        _readers = readers;
        _termIndex = termIndex;
    }

    /// <summary>Opens the catalog at <paramref name="path"/>, creating the file, its folder and the schema when absent.</summary>
    /// <param name="readers">How many reads may run at once, each on its own connection; null: one per processor, at least two.</param>
    /// <param name="lexicalIndex">
    /// Where lexical search ranks. <see cref="LexicalIndexKind.Memory"/> suits a process that searches many times
    /// (the API, bench search): a large catalog is indexed in the background after a save, and FTS5 answers meanwhile.
    /// </param>
    /// <exception cref="InvalidDataException">The file exists but is not a RagLegal catalog of this schema version.</exception>
    public static LegalCatalog Open(string path, ILogger<LegalCatalog>? logger = null, int? readers = null, LexicalIndexKind lexicalIndex = LexicalIndexKind.Fts5)
    {
        var size = readers ?? Math.Max(2, Environment.ProcessorCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1, nameof(readers));
        var fullPath = CatalogFile.Prepare(path);
        var connection = CatalogFile.OpenWriter(fullPath);
        var catalogLogger = logger ?? NullLogger<LegalCatalog>.Instance;
        CatalogLog.Opened(catalogLogger, fullPath, CatalogSchema.Version);
        var termIndex = lexicalIndex == LexicalIndexKind.Memory ? new LiveTermIndex(fullPath, catalogLogger) : null;
        return new LegalCatalog(fullPath, connection, new ReaderPool(fullPath, size, termIndex), termIndex, catalogLogger);
    }

    /// <summary>The catalog file's absolute path.</summary>
    public string Path { get; }

    /// <summary>Where lexical search ranks now, and how big the in-memory index is.</summary>
    public LexicalIndexState LexicalIndex
    {
        get
        {
            if (_termIndex is null)
            {
                return new LexicalIndexState(LexicalIndexKind.Fts5, Current: false, Building: false, 0, 0);
            }

            var latest = _termIndex.Latest;
            var current = latest is not null && latest.Generation == Generation;
            return new LexicalIndexState(LexicalIndexKind.Memory, current, _termIndex.Building, latest?.Norms ?? 0, latest?.Terms ?? 0)
            {
                Generation = latest?.Generation ?? 0,
            };
        }
    }

    /// <summary>The catalog's count of saves, whichever process made them: every read sees the norms of this one.</summary>
    public long Generation => _readers.Read((_, reader) => reader.Generation());

    /// <summary>How much the law relies on each act (<see cref="Core.Retrieval.ActAuthority"/>), counted once per catalog generation.</summary>
    public ActAuthority ActAuthority() => Priors().Authority;

    /// <inheritdoc cref="CatalogReader.ArticleHeadings"/>
    public IReadOnlyList<ArticleHeading> ArticleHeadings(Language language) => _readers.Read((_, reader) => reader.ArticleHeadings(language));

    /// <summary>Each act's kind (code, law, decision…), read once per catalog generation; what ranking knows of an act besides its text.</summary>
    public IReadOnlyDictionary<string, ActKind> ActKinds() => Priors().Kinds;

    private ActPriorsAt Priors()
    {
        if (_priors is { } known && known.Generation == Generation)
        {
            return known;
        }

        var priors = _readers.Read((_, reader) => new ActPriorsAt(reader.Generation(), new ActAuthority(reader.ReferencesByAct()), reader.KindsByAct()));
        _priors = priors;
        return priors;
    }

    private sealed record ActPriorsAt(long Generation, ActAuthority Authority, IReadOnlyDictionary<string, ActKind> Kinds);

    /// <summary>
    /// Builds the in-memory lexical index of the catalog as it is now, unless it is built already, so that the
    /// searches after it do not fall back to FTS5. Nothing to do when the catalog ranks in FTS5.
    /// </summary>
    public async Task PrepareLexicalIndexAsync(CancellationToken cancellationToken)
    {
        if (_termIndex is not null)
        {
            await _termIndex.BuildAsync(cancellationToken).ConfigureAwait(false);
        }
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

    /// <summary>
    /// Matches the stored records that are editions or language versions of one act (<see cref="EditionMatcher"/>)
    /// and stores them as that act's editions; run after an ingest. The newest edition of each act is current after it.
    /// </summary>
    public EditionIdentityResult ResolveEditions()
    {
        lock (_gate)
        {
            return new EditionIdentity(_connection, _writer).Resolve();
        }
    }

    /// <summary>
    /// Resolves the references whose act only the whole catalog tells — named by its quoted title, or implied by an
    /// amending law's instruction list — against the acts now in it; run after <see cref="ResolveEditions"/>.
    /// Returns how many got a target.
    /// </summary>
    public int ResolveReferences()
    {
        var titles = new ActTitleIndex(ActTitles());
        lock (_gate)
        {
            return new ReferenceResolution(_connection).Resolve(titles);
        }
    }

    /// <inheritdoc />
    public EditionText? Read(string actId, Language language, string? edition = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actId);
        return _readers.Read((_, reader) =>
        {
            var editions = reader.Editions;
            return editions.Find(actId, language, edition) is { } found ? editions.Read(found) : null;
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<ReferringNorm> ReferencesTo(IReadOnlyCollection<NormId> targets, Language language)
    {
        ArgumentNullException.ThrowIfNull(targets);
        return _readers.Read((_, reader) => reader.References.To(targets, language));
    }

    /// <summary>Every resolved reference between norms of current editions in the language, as (from, target).</summary>
    public IReadOnlyList<(NormId From, NormId Target)> AllReferences(Language language) =>
        _readers.Read((_, reader) => reader.References.All(language));

    /// <summary>Every reference of current editions, resolved or not.</summary>
    public IReadOnlyList<StoredReference> StoredReferences() => _readers.Read((_, reader) => reader.References.Stored());

    /// <summary>The text of the norm that holds a stored reference.</summary>
    public string ReferenceContext(long reference) => _readers.Read((_, reader) => reader.References.Context(reference));

    /// <summary>The heading and text of the article (or the act's point) a norm belongs to, in the current edition.</summary>
    public string TopLevelText(NormId norm, Language language) => _readers.Read((_, reader) => reader.References.TopLevelText(norm, language));

    /// <summary>The preamble and top-level norms of an act's current edition.</summary>
    public string ActText(string actId, Language language) => _readers.Read((_, reader) => reader.References.ActText(actId, language));

    /// <inheritdoc />
    public ActStatus? StatusOf(string actId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actId);
        return _readers.Read((_, reader) => reader.References.StatusOf(actId));
    }

    /// <summary>The labels of the act's editions in one language, oldest first; the act id may be a source record's id.</summary>
    public IReadOnlyList<string> ListEditions(string actId, Language language)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actId);
        return _readers.Read((_, reader) =>
        {
            var editions = reader.Editions;
            var id = editions.Find(actId, language, null)?.ActId ?? actId;
            return editions.List(id, language).Select(e => e.Edition).ToList();
        });
    }

    /// <inheritdoc cref="CatalogReader.CurrentFootnotes"/>
    internal List<(string ActId, string ActTitle, NormId Norm, string Number, string Footnote)> CurrentFootnotes(Language language, DateOnly since) =>
        _readers.Read((_, reader) => reader.CurrentFootnotes(language, since));

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
        var hits = _readers.Read((search, _) => search.Search(query, cited));

        CatalogLog.Searched(_logger, query.Text, hits.Count, hits.Count(hit => hit.NamedInQuery), Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return hits;
    }

    /// <summary>A norm with its notes, references both ways, parts and other languages.</summary>
    /// <param name="language">Null: Russian when stored, else Kazakh.</param>
    /// <param name="edition">Null: the current edition.</param>
    public NormDetails? GetNorm(NormId id, Language? language = null, string? edition = null)
    {
        return _readers.Read((_, reader) => reader.GetNorm(id, language, edition));
    }

    /// <summary>Only the text of a norm's current edition in one language: what a prompt needs, without its links.</summary>
    public string? GetNormText(NormId id, Language language) => _readers.Read((_, reader) => reader.GetNormText(id, language));

    /// <inheritdoc cref="CatalogReader.Describe"/>
    public SearchHit? Describe(NormId id, Language language, IReadOnlySet<string> queryTerms, double score) =>
        _readers.Read((_, reader) => reader.Describe(id, language, queryTerms, score));

    /// <inheritdoc cref="CatalogReader.GetHeading"/>
    public string? GetHeading(NormId id, Language language) => _readers.Read((_, reader) => reader.GetHeading(id, language));

    /// <summary>Every top-level norm of the current editions, read in pages: what the vector index holds.</summary>
    public IEnumerable<EmbeddableNorm> ListEmbeddable(int pageSize = 2_048)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var after = 0L;
        while (true)
        {
            var page = _readers.Read((_, reader) => reader.ListEmbeddable(after, pageSize));
            foreach (var norm in page)
            {
                yield return norm;
            }

            if (page.Count < pageSize)
            {
                yield break;
            }

            after = page[^1].NormKey;
        }
    }

    public IReadOnlyList<ActSummary> ListActs(ActFilter? filter = null)
    {
        return _readers.Read((_, reader) => reader.ListActs(filter ?? new ActFilter()));
    }

    /// <summary>Every act by the title and date a draft amending it names it with.</summary>
    public IEnumerable<ActTitle> ActTitles() => ListActs().Select(act => new ActTitle(act.Id, act.Title, act.AdoptedOn, act.Kind));

    /// <summary>The resolutions, orders, decrees and decisions in force, by the titles of their current editions in this language.</summary>
    public Bylaws Bylaws(Language language) => new(
        ListActs(new ActFilter { Language = language, Status = ActStatus.InForce })
            .Where(act => act.Kind is ActKind.Resolution or ActKind.Order or ActKind.Decree or ActKind.Decision)
            .Select(act => new ActTitle(act.Id, act.Title, act.AdoptedOn, act.Kind)),
        language);

    /// <summary>The current edition of the act; Russian first when no language is given.</summary>
    public ActSummary? GetAct(string actId, Language? language = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actId);
        var acts = _readers.Read((_, reader) => reader.ListActs(new ActFilter { Language = language }, actId));
        return acts.FirstOrDefault(act => act.Language == Language.Ru) ?? acts.FirstOrDefault();
    }

    public CatalogStats GetStats()
    {
        return _readers.Read((_, reader) => reader.GetStats());
    }

    public void Dispose()
    {
        _termIndex?.Dispose();
        _readers.Dispose();
        _writer.Dispose();
        _connection.Dispose();
    }
}
