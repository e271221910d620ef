using Assistant.Core.Acts;
using Assistant.Core.Text;

namespace Assistant.Core.Discussion.Analytics;

/// <summary>
/// Splits a comment into folded words and sentences. Unlike <see cref="TextAnalyzer"/> it keeps function words
/// («не», «но», «бірақ») and the «))» of irony, which decide stance.
/// </summary>
internal static class CommentTokenizer
{
    /// <summary>Irony's smiley, a token of its own.</summary>
    public const string Smiley = "))";

    /// <summary>Kazakh question particles: «бола ма» asks without a question mark.</summary>
    private static readonly HashSet<string> KazakhQuestionParticles = new(["ма", "ме", "ба", "бе", "па", "пе", "ма?"], StringComparer.Ordinal);

    public static IReadOnlyList<CommentToken> Tokenize(string text, Language language)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<CommentToken>();
        var sentenceStart = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                var start = i;
                while (i < text.Length && char.IsLetterOrDigit(text[i]))
                {
                    i++;
                }

                var surface = text[start..i];
                tokens.Add(new CommentToken(TextFolding.Fold(surface), surface, false));
                continue;
            }

            if (c == ')' && i + 1 < text.Length && text[i + 1] == ')')
            {
                tokens.Add(new CommentToken(Smiley, Smiley, false));
                while (i < text.Length && text[i] == ')')
                {
                    i++;
                }

                continue;
            }

            if (c is '.' or '!' or '?' or ';' or '…' or '\n')
            {
                var asks = c == '?' || (language == Language.Kk && HasParticle(tokens, sentenceStart));
                EndSentence(tokens, sentenceStart, asks);
                sentenceStart = tokens.Count;
            }

            i++;
        }

        EndSentence(tokens, sentenceStart, language == Language.Kk && HasParticle(tokens, sentenceStart));
        return tokens;
    }

    private static bool HasParticle(List<CommentToken> tokens, int start)
    {
        for (var i = start; i < tokens.Count; i++)
        {
            if (KazakhQuestionParticles.Contains(tokens[i].Word))
            {
                return true;
            }
        }

        return false;
    }

    private static void EndSentence(List<CommentToken> tokens, int start, bool asks)
    {
        if (!asks)
        {
            return;
        }

        for (var i = start; i < tokens.Count; i++)
        {
            tokens[i] = tokens[i] with { InQuestion = true };
        }
    }
}
