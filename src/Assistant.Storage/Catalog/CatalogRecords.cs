using Assistant.Core.Acts;
using Assistant.Core.Norms;
using Assistant.Core.Retrieval;
using Assistant.Core.Text;
using Assistant.Core.Vectors;

namespace Assistant.Storage.Catalog;

/// <summary>What <see cref="LegalCatalog.SaveAct"/> stored.</summary>
/// <param name="Norms">Rows stored: top-level norms and all their parts.</param>
/// <param name="ReferencesResolved">References whose target act or norm the parser identified.</param>
public sealed record ActSaveResult(
    string ActId,
    Language Language,
    string? Edition,
    bool IsCurrent,
    int Norms,
    int ReferencesResolved,
    int ReferencesUnresolved);

/// <summary>A lexical query over top-level norms, with norms named in the text («ст. 188 УК») looked up directly.</summary>
public sealed record SearchQuery(string Text)
{
    public int Top { get; init; } = 10;

    public Language? Language { get; init; }

    public string? ActId { get; init; }

    public ActKind? Kind { get; init; }

    /// <summary>False: only acts in force (or of unknown status) and norms not excluded.</summary>
    public bool IncludeNotInForce { get; init; }

    /// <summary>Null: the current edition of every act (or the one in force on <see cref="AsOf"/>).</summary>
    public string? Edition { get; init; }

    /// <summary>Search the edition of every act that was in force on this date; null: the current editions.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>Terms the thesaurus adds to the question's own, at their lower weights.</summary>
    public QueryExpansion Expansion { get; init; } = QueryExpansion.None;

    /// <summary>
    /// Rank on the norms' bodies alone: for pseudo-questions made from headings, which would otherwise find their
    /// own article by its heading.
    /// </summary>
    public bool HeadingWithheld { get; init; }

    /// <summary>The question's terms and those the thesaurus added: what is ranked on, and what snippets show.</summary>
    internal HashSet<string> SearchedTerms()
    {
        var terms = TextAnalyzer.Terms(Text, Language).ToHashSet(StringComparer.Ordinal);
        terms.UnionWith(Expansion.Terms.Keys);
        return terms;
    }
}

/// <param name="Citation">The display citation («Уголовный кодекс РК, ст. 188»).</param>
/// <param name="Score">Higher is better: bm25 relevance, negated.</param>
/// <param name="Snippet">The best matching passage of the norm's original text, about 200 characters.</param>
/// <param name="NamedInQuery">The query cited this norm by number; such hits come first.</param>
public sealed record SearchHit(
    NormId NormId,
    Language Language,
    string ActId,
    string ActTitle,
    string Citation,
    string? Heading,
    double Score,
    string Snippet,
    bool NamedInQuery)
{
    /// <summary>For a paragraph: the heading of its article («Статья 188. Кража»), which the paragraph's text lacks.</summary>
    public string? ArticleHeading { get; init; }

    /// <summary>The edition the hit was found in when that is not the current one: never law in force, and cited with its edition.</summary>
    public string? Edition { get; init; }

    /// <summary>1-based rank on the lexical side of a fused search; null when that side did not find it.</summary>
    public int? LexicalRank { get; init; }

    /// <summary>1-based rank on the dense side of a fused search; null when that side did not find it.</summary>
    public int? DenseRank { get; init; }

    /// <summary>This hit as found in an older edition: «Трудовой кодекс РК, ст. 88 (ред. 2023-12-21)».</summary>
    internal SearchHit FromEdition(string edition) => this with
    {
        Edition = edition,
        Citation = Language == Language.Kk ? $"{Citation} ({(edition.Length == 0 ? "күнсіз" : edition)} ред.)" : $"{Citation} (ред. {(edition.Length == 0 ? "без даты" : edition)})",
    };

    /// <summary>A hit for a stored norm: its display citation, and the passage of its text that best matches the query.</summary>
    internal static SearchHit FromNorm(
        NormId id, Language language, string actTitle, string? heading, string text, IReadOnlySet<string> queryTerms, double score, bool namedInQuery) =>
        new(id, language, id.ActId, actTitle, Core.Citations.Citation.Display(id, actTitle, language), heading, score, NormSnippet.Best(text, queryTerms, language), namedInQuery);
}

/// <summary>A top-level norm of a current edition, with what its vector point carries.</summary>
/// <param name="Text">Heading and body: what is embedded.</param>
/// <param name="Edition">The current edition's label; null when the source names none.</param>
public sealed record EmbeddableNorm(long NormKey, VectorKey Key, string ActId, ActKind Kind, ActStatus ActStatus, NormStatus NormStatus, string Text, string? Edition = null);

/// <summary>An article's heading, for questions made from headings.</summary>
public sealed record ArticleHeading(NormId NormId, Language Language, string Heading);

/// <summary>A reference from a norm, with the citation of its target when the target is in the catalog.</summary>
public sealed record NormReferenceOut(string Text, string? TargetActId, NormId? TargetNormId, string? TargetCitation);

/// <summary>A norm whose text refers to the norm at hand (or to its article).</summary>
public sealed record NormReferenceIn(NormId From, string Citation, string Text);

/// <summary>A point or subpoint of a norm, with the start of its text.</summary>
public sealed record NormPart(NormId Id, string ShortText);

public sealed record NormDetails(
    NormId Id,
    Language Language,
    string ActTitle,
    string Citation,
    string? Heading,
    string Text,
    string Path,
    NormStatus Status,
    string? Edition,
    bool IsCurrentEdition,
    IReadOnlyList<Footnote> Footnotes,
    IReadOnlyList<EditorialNote> EditorialNotes,
    IReadOnlyList<NormReferenceOut> ReferencesOut,
    IReadOnlyList<NormReferenceIn> ReferencesIn,
    IReadOnlyList<NormPart> Parts,
    IReadOnlyList<Language> Languages,
    Uri AdiletUrl);

/// <summary>Which acts <see cref="LegalCatalog.ListActs"/> returns.</summary>
public sealed record ActFilter
{
    public Language? Language { get; init; }

    public ActKind? Kind { get; init; }

    public ActStatus? Status { get; init; }

    /// <summary>Case-insensitive part of the title.</summary>
    public string? TitleContains { get; init; }

    /// <summary>False: only the current edition of each act.</summary>
    public bool AllEditions { get; init; }
}

/// <param name="Editions">Every stored edition of this act in this language, oldest first (null: undated).</param>
/// <param name="Norms">Top-level norms of this edition.</param>
public sealed record ActSummary(
    string Id,
    Language Language,
    string Title,
    ActKind Kind,
    DateOnly? AdoptedOn,
    string? Number,
    ActStatus Status,
    string? Edition,
    bool IsCurrent,
    IReadOnlyList<string?> Editions,
    int Norms,
    string? Source,
    DateTimeOffset IngestedAt);

/// <summary>Counts for one language. Norms and references count current editions only.</summary>
/// <param name="Acts">Distinct acts.</param>
/// <param name="Editions">Stored editions of those acts.</param>
public sealed record LanguageStats(int Acts, int Editions, int TopLevelNorms, int AllNorms, int ReferencesResolved, int ReferencesUnresolved);

public sealed record CatalogStats(LanguageStats Total, IReadOnlyDictionary<Language, LanguageStats> ByLanguage);
