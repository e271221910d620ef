using System.Text;
using Assistant.Core.Acts;
using Assistant.Core.Text;

namespace Assistant.Storage.Catalog;

/// <summary>Picks the passage of a norm's original text that matches most query terms.</summary>
internal static class NormSnippet
{
    public const int Length = 200;

    public static string Best(string text, IReadOnlySet<string> queryTerms, Language language)
    {
        var passages = Passages(text);
        if (passages.Count == 0)
        {
            return string.Empty;
        }

        var best = queryTerms.Count == 0 ? 0 : BestPassage(passages, queryTerms, language);
        var snippet = new StringBuilder(passages[best]);
        for (var next = best + 1; snippet.Length < Length / 2 && next < passages.Count; next++)
        {
            snippet.Append(' ').Append(passages[next]);
        }

        return Shorten(snippet.ToString());
    }

    /// <summary>The first of the passages with the most distinct query terms (the first passage when none has any).</summary>
    private static int BestPassage(List<string> passages, IReadOnlySet<string> queryTerms, Language language)
    {
        var probe = new TermProbe(queryTerms);
        var (best, bestScore) = (0, 0);
        for (var i = 0; i < passages.Count; i++)
        {
            var score = probe.CountIn(passages[i], language);
            if (score > bestScore)
            {
                (best, bestScore) = (i, score);
            }
        }

        return best;
    }

    /// <summary>Lines, and sentences within long lines: the units a snippet is made of.</summary>
    private static List<string> Passages(string text)
    {
        var passages = new List<string>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var start = 0;
            for (var i = 0; i + 2 < line.Length; i++)
            {
                if (line[i] is '.' or ';' && line[i + 1] == ' ' && (char.IsUpper(line[i + 2]) || char.IsDigit(line[i + 2])))
                {
                    passages.Add(line[start..(i + 1)]);
                    start = i + 2;
                }
            }

            passages.Add(line[start..]);
        }

        return passages;
    }

    private static string Shorten(string text)
    {
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length <= Length)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', Length);
        return string.Concat(text.AsSpan(0, cut > Length / 2 ? cut : Length), "…");
    }
}
