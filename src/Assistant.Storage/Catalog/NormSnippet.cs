using System.Buffers;
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

    /// <summary>
    /// The first of the passages with the most distinct query terms (the first passage when none has any).
    /// Analysing every passage of a long norm costs more than finding the norm did, so each passage is first bounded
    /// by the terms it holds as substrings (a stem is its word's beginning, but for a devoiced last letter),
    /// and passages are analysed from the highest bound down until no bound left can reach the best score found.
    /// </summary>
    private static int BestPassage(List<string> passages, IReadOnlySet<string> queryTerms, Language language)
    {
        // Less its last letter, which the Kazakh stemmer may devoice («кітабы» → «кітап»).
        var looseTerms = queryTerms.Select(term =>
        {
            var prefix = term.Length > 1 ? term[..^1] : term;
            var folded = new char[prefix.Length];
            TextFolding.FoldLoosely(prefix, folded);
            return folded;
        }).ToList();
        var bounded = new List<(int Bound, int Index)>(passages.Count);
        for (var i = 0; i < passages.Count; i++)
        {
            var bound = SubstringTerms(passages[i], looseTerms);
            if (bound > 0)
            {
                bounded.Add((bound, i));
            }
        }

        bounded.Sort((a, b) => a.Bound != b.Bound ? b.Bound.CompareTo(a.Bound) : a.Index.CompareTo(b.Index));
        var (best, bestScore) = (0, 0);
        foreach (var (bound, index) in bounded)
        {
            // Equal bounds go on: a tie with an earlier passage goes to the earlier one.
            if (bound < bestScore)
            {
                break;
            }

            var score = TextAnalyzer.Terms(passages[index], language).Distinct().Count(queryTerms.Contains);
            if (score > bestScore || (score == bestScore && score > 0 && index < best))
            {
                (best, bestScore) = (index, score);
            }
        }

        return best;
    }

    private static int SubstringTerms(string passage, List<char[]> looseTerms)
    {
        var buffer = ArrayPool<char>.Shared.Rent(passage.Length);
        try
        {
            var folded = buffer.AsSpan(0, passage.Length);
            TextFolding.FoldLoosely(passage, folded);
            var count = 0;
            foreach (var term in looseTerms)
            {
                if (folded.IndexOf(term) >= 0)
                {
                    count++;
                }
            }

            return count;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
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
