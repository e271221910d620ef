using Assistant.Core.Acts;
using Assistant.Core.Norms;

namespace Assistant.Core.Retrieval.Reranking;

/// <summary>A norm among the first rankers' hits, with what the re-ranker reads of it.</summary>
/// <param name="LexicalScore">bm25 (higher is better); null when only the dense side found it.</param>
/// <param name="LexicalRank">1-based; null when the lexical side did not find it.</param>
/// <param name="DenseRank">1-based; null when the dense side did not find it.</param>
/// <param name="ActReferences">References to the act from norms of other acts: how much the law relies on it.</param>
public sealed record RerankCandidate(
    NormId NormId,
    Language Language,
    string ActTitle,
    ActKind ActKind,
    int ActReferences,
    string? Heading,
    string Text,
    double? LexicalScore,
    int? LexicalRank,
    int? DenseRank,
    bool NamedInQuery);

/// <summary>The question as the re-ranker reads it.</summary>
/// <param name="Language">The language searched, as the search was asked; null: both.</param>
/// <param name="Expansion">What the thesaurus added, by term, with its weight.</param>
/// <param name="HeadingWithheld">
/// A pseudo-question made from an article's heading: headings are not read, or the re-ranker would learn that the
/// right article is the one whose heading is the question.
/// </param>
public sealed record RerankQuestion(string Text, Language? Language, IReadOnlyDictionary<string, double> Expansion, bool HeadingWithheld = false);
