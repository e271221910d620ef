using System.Text;
using Assistant.Core.Acts;
using Assistant.Core.Text;

namespace Assistant.Core.Answers;

/// <summary>
/// The answer without a model: for each source, the sentences that share the most terms with the question,
/// each followed by the source's marker, under a heading that says it is an extract.
/// </summary>
internal static partial class ExtractiveAnswer
{
    private const int SourcesUsed = 3;
    private const int SentencesPerSource = 2;

    public static string Write(string question, IReadOnlyList<AnswerSource> sources, Language language)
    {
        var terms = TextAnalyzer.Terms(question, language).ToHashSet(StringComparer.Ordinal);
        var text = new StringBuilder(AnswerTexts.ExtractHeading(language));
        foreach (var source in sources.Take(SourcesUsed))
        {
            var sentences = Sentences(LeadingNumber().Replace(source.Text, string.Empty, 1))
                .Select((sentence, index) => (Sentence: sentence, Index: index, Shared: TextAnalyzer.Terms(sentence, source.Language).Count(terms.Contains)))
                .OrderByDescending(s => s.Shared)
                .ThenBy(s => s.Index)
                .Take(SentencesPerSource)
                .OrderBy(s => s.Index)
                .Select(s => s.Sentence);
            text.Append('\n').Append(source.Citation).Append(": ").Append(string.Join(' ', sentences)).Append(" [").Append(source.Number).Append(']');
        }

        return text.ToString();
    }

    /// <summary>«43. » at the start of a point's text: the citation before it already names the point.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*\d+(?:-\d+)*[.)]\s+")]
    private static partial System.Text.RegularExpressions.Regex LeadingNumber();

    private static IEnumerable<string> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var end = text[i] is '\n' || (text[i] is '.' or ';' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])));
            if (end)
            {
                if (text[start..(i + 1)].Trim() is { Length: > 1 } sentence)
                {
                    yield return sentence.TrimEnd(';');
                }

                start = i + 1;
            }
        }

        if (start < text.Length && text[start..].Trim() is { Length: > 1 } rest)
        {
            yield return rest;
        }
    }
}
