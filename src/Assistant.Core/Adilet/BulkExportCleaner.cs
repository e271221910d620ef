using System.Globalization;

namespace Assistant.Core.Adilet;

/// <summary>
/// Removes what the export of the 2024 bulk codes and laws added to their texts, so that an edition read from them
/// compares with the Adilet text word for word: another act's articles before a restart of the numbering («Статья 1.»
/// again) or after a jump far past the last article (ru2024-259 ends with Civil Code arts 1123–1124), the first of two
/// consecutive articles with one number (ru2024-010 holds the Health Code's arts 275–276 before its own), annexes
/// that name another act, and an article's body printed again after its footnote. Every removal is reported.
/// </summary>
internal static class BulkExportCleaner
{
    /// <summary>An article numbered this far past the one before it is not of this act.</summary>
    private const int NumberJump = 100;

    public static List<Paragraph> Clean(IReadOnlyList<Paragraph> paragraphs, string? actId, List<string> repairs)
    {
        var articles = new List<(int Start, int End, string Number)>();
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (AdiletPatterns.Article().Match(paragraphs[i].Text) is { Success: true } match)
            {
                if (articles.Count > 0)
                {
                    articles[^1] = articles[^1] with { End = i };
                }

                articles.Add((i, paragraphs.Count, match.Groups["n"].Value));
            }
        }

        if (articles.Count < 2)
        {
            return [.. paragraphs];
        }

        var keep = new bool[paragraphs.Count];
        Array.Fill(keep, true);
        var (first, last) = KeptRun(articles, paragraphs, repairs);
        for (var i = articles[0].Start; i < articles[first].Start; i++)
        {
            keep[i] = false;
        }

        for (var i = articles[last].End; i < paragraphs.Count && last < articles.Count - 1; i++)
        {
            keep[i] = false;
        }

        for (var a = first; a <= last; a++)
        {
            var (start, end, number) = articles[a];
            if (a < last && articles[a + 1].Number == number)
            {
                repairs.Add($"line {paragraphs[start].Line}: art. {number} is followed by another art. {number}; the first, from another act, was dropped");
                Array.Fill(keep, false, start, end - start);
                continue;
            }

            DropForeignAnnex(paragraphs, start, end, actId, keep, repairs);
            DropRepeatedBody(paragraphs, start, end, number, keep, repairs);
        }

        return [.. paragraphs.Where((_, i) => keep[i])];
    }

    /// <summary>The articles of this act: the longest run without a restart of the numbering or a jump far ahead.</summary>
    private static (int First, int Last) KeptRun(List<(int Start, int End, string Number)> articles, IReadOnlyList<Paragraph> paragraphs, List<string> repairs)
    {
        var runs = new List<(int First, int Last)>();
        var runStart = 0;
        for (var a = 1; a < articles.Count; a++)
        {
            var (previous, current) = (Main(articles[a - 1].Number), Main(articles[a].Number));
            if (current is { } now && previous is { } before && (now == 1 && before > 1 || now > before + NumberJump))
            {
                runs.Add((runStart, a - 1));
                runStart = a;
            }
        }

        runs.Add((runStart, articles.Count - 1));
        var kept = runs.MaxBy(run => run.Last - run.First);
        foreach (var run in runs.Where(run => run != kept))
        {
            repairs.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"line {paragraphs[articles[run.First].Start].Line}: arts. {articles[run.First].Number}–{articles[run.Last].Number} are not numbered in sequence with the act's arts. {articles[kept.First].Number}–{articles[kept.Last].Number}: another act's, dropped"));
        }

        return kept;
    }

    /// <summary>«Приложение 1 к Экологическому кодексу» in the Water Code's record: an annex of another act.</summary>
    private static void DropForeignAnnex(IReadOnlyList<Paragraph> paragraphs, int start, int end, string? actId, bool[] keep, List<string> repairs)
    {
        for (var i = start + 1; i < end; i++)
        {
            var text = paragraphs[i].Text;
            if (!text.StartsWith("Приложение", StringComparison.Ordinal) || !AdiletPatterns.AnnexStart().IsMatch(text))
            {
                continue;
            }

            var mark = string.Join(' ', paragraphs.Skip(i).Take(6).Select(p => p.Text));
            var named = Acts.KnownActs.FindByName(mark).FirstOrDefault();
            if (named is not null && named.Id != actId)
            {
                repairs.Add($"line {paragraphs[i].Line}: «{Shorten(mark)}» is an annex of another act; dropped to the next article");
                Array.Fill(keep, false, i, end - i);
                return;
            }
        }
    }

    /// <summary>A first body paragraph shorter than this could repeat by chance («1. Исключен.»).</summary>
    private const int MinRepeated = 20;

    /// <summary>
    /// Body, footnote, then the body (and the footnote, link texts glued to it) again: from the first paragraph that
    /// repeats the article's first paragraph, the rest of the article goes; footnotes stay, being no norm text.
    /// </summary>
    private static void DropRepeatedBody(IReadOnlyList<Paragraph> paragraphs, int start, int end, string number, bool[] keep, List<string> repairs)
    {
        var heading = paragraphs[start].Text;
        var colon = heading.IndexOf(':', StringComparison.Ordinal);
        var first = Flat(colon >= 0 ? heading[(colon + 1)..] : string.Empty);
        if (first.Length == 0 && start + 1 < end)
        {
            first = Flat(paragraphs[start + 1].Text);
            start++;
        }

        if (first.Length < MinRepeated)
        {
            return;
        }

        for (var i = start + 1; i < end; i++)
        {
            var text = Flat(paragraphs[i].Text);
            if (text == first || text.StartsWith(first, StringComparison.Ordinal))
            {
                for (var j = i; j < end; j++)
                {
                    keep[j] = keep[j] && AdiletPatterns.Footnote().IsMatch(paragraphs[j].Text);
                }

                repairs.Add(string.Create(CultureInfo.InvariantCulture, $"line {paragraphs[i].Line}: the body of art. {number} is printed again; the copy was dropped"));
                return;
            }
        }
    }

    private static int? Main(string number) =>
        int.TryParse(number.Split('-')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var main) ? main : null;

    private static string Flat(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 80), "…");
}
