using Assistant.Core.Acts;
using Assistant.Core.Text;

namespace Assistant.Core.Answers;

/// <summary>
/// How well the sources cover the question: the largest share of the question's terms that one of the best
/// sources contains. bm25 scores are not comparable across questions; this share is.
/// </summary>
internal static class RetrievalConfidence
{
    private const int SourcesLooked = 3;

    public static double Of(string question, IReadOnlyList<RetrievedNorm> sources, Language language)
    {
        if (sources.Count == 0)
        {
            return 0;
        }

        if (sources.Any(source => source.NamedInQuery))
        {
            return 1;
        }

        var terms = TextAnalyzer.Terms(question, language).ToHashSet(StringComparer.Ordinal);
        if (terms.Count == 0)
        {
            return 0;
        }

        return sources.Take(SourcesLooked)
            .Select(source => TextAnalyzer.Terms((source.Heading ?? string.Empty) + " " + source.Text, source.Language).ToHashSet(StringComparer.Ordinal))
            .Max(found => (double)terms.Count(found.Contains) / terms.Count);
    }
}
