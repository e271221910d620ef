using Assistant.Core.Adilet;
using Assistant.Core.Forecasts;
using Assistant.Core.Text;

namespace Assistant.Core.Retrieval.Reranking;

/// <summary>
/// What the learned re-ranker weighs for each candidate: both rankers' evidence, where the question's words stand
/// (heading, body, act title), what the thesaurus matched, the act's place in the hierarchy of legal acts and how much
/// the law relies on it, and how strongly the candidates point at one act — the act a question implies
/// («работодатель» → labour law) is the one most of its hits come from.
/// </summary>
public static class RerankFeatures
{
    /// <summary>How many features each vector holds (<see cref="Names"/>).</summary>
    public const int Count = 16;

    /// <summary>The features in the order of each vector; a model is trained and read with exactly these.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "lexical_score_ratio",
        "lexical_rank_inverse",
        "dense_rank_inverse",
        "named_in_query",
        "heading_coverage",
        "body_coverage",
        "title_coverage",
        "rare_term_coverage",
        "expansion_coverage",
        "act_level",
        "act_authority",
        "act_share",
        "act_score_share",
        "first_of_its_act",
        "length",
        "same_language",
    ];

    /// <summary>One vector per candidate, in the candidates' order.</summary>
    public static float[][] Of(RerankQuestion question, IReadOnlyList<RerankCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(candidates);
        var own = TextAnalyzer.Terms(question.Text, question.Language).ToHashSet(StringComparer.Ordinal);
        var read = candidates.Select(c => Read(c, question.HeadingWithheld)).ToList();

        // How rare each of the question's terms is among the candidates: the one a few share tells them apart.
        var rarity = own.ToDictionary(
            term => term,
            term => Math.Log((candidates.Count + 1.0) / (1 + read.Count(r => r.Heading.Contains(term) || r.Body.Contains(term)))),
            StringComparer.Ordinal);
        var rarityTotal = rarity.Values.Sum();
        var expansionTotal = question.Expansion.Values.Sum();
        var bestLexical = candidates.Max(c => c.LexicalScore ?? 0);
        var scoreRatios = candidates.Select(c => bestLexical > 0 && c.LexicalScore is { } s && s < double.MaxValue ? s / bestLexical : 0).ToArray();
        var byAct = candidates.Select((c, i) => (c.NormId.ActId, i)).GroupBy(p => p.ActId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.i).ToList(), StringComparer.Ordinal);
        var scoreTotal = scoreRatios.Sum();
        var mostReferences = candidates.Max(c => c.ActReferences);
        var questionScript = ScriptLanguage.Detect(question.Text);

        var vectors = new float[candidates.Count][];
        for (var i = 0; i < candidates.Count; i++)
        {
            var candidate = candidates[i];
            var (heading, body, title) = read[i];
            var sameAct = byAct[candidate.NormId.ActId];
            vectors[i] =
            [
                (float)Math.Min(scoreRatios[i], 1),
                candidate.LexicalRank is { } lexical ? 1f / lexical : 0,
                candidate.DenseRank is { } dense ? 1f / dense : 0,
                candidate.NamedInQuery ? 1 : 0,
                Coverage(own, heading),
                Coverage(own, body),
                Coverage(own, title),
                rarityTotal == 0 ? 0 : (float)(rarity.Where(p => heading.Contains(p.Key) || body.Contains(p.Key)).Sum(p => p.Value) / rarityTotal),
                expansionTotal == 0 ? 0 : (float)(question.Expansion.Where(p => heading.Contains(p.Key) || body.Contains(p.Key)).Sum(p => p.Value) / expansionTotal),
                (ActHierarchy.Rank(candidate.ActKind) ?? 8) / 8f,
                mostReferences == 0 ? 0 : (float)(Math.Log(1 + candidate.ActReferences) / Math.Log(1 + mostReferences)),
                sameAct.Count / (float)candidates.Count,
                scoreTotal == 0 ? 0 : (float)(sameAct.Sum(j => scoreRatios[j]) / scoreTotal),
                sameAct[0] == i ? 1 : 0,
                (float)(Math.Log(1 + candidate.Text.Length) / 10),
                candidate.Language == questionScript ? 1 : 0,
            ];
        }

        return vectors;
    }

    private static (HashSet<string> Heading, HashSet<string> Body, HashSet<string> Title) Read(RerankCandidate candidate, bool headingWithheld) => (
        headingWithheld || candidate.Heading is null ? [] : TextAnalyzer.Terms(candidate.Heading, candidate.Language).ToHashSet(StringComparer.Ordinal),
        TextAnalyzer.Terms(candidate.Text, candidate.Language).ToHashSet(StringComparer.Ordinal),
        TextAnalyzer.Terms(candidate.ActTitle, candidate.Language).ToHashSet(StringComparer.Ordinal));

    private static float Coverage(HashSet<string> question, HashSet<string> text) =>
        question.Count == 0 ? 0 : question.Count(text.Contains) / (float)question.Count;
}
