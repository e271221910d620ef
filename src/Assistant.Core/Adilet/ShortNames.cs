using System.Text.RegularExpressions;
using Assistant.Core.Acts;
using Assistant.Core.Text;

namespace Assistant.Core.Adilet;

/// <summary>
/// Short names an act defines for the acts it cites — «Закон Республики Казахстан «О государственных закупках» (далее
/// – Закон)», ««Мемлекеттік сатып алу туралы» Қазақстан Республикасының Заңы (бұдан әрі – Заң)» — and the references
/// that use them («статьи 5 Закона», «Заңның 5-бабы»), which name no act by themselves.
/// </summary>
public static partial class ShortNames
{
    private const int Reach = 300;

    /// <summary>The short names the text defines, each with the act it stands for (null when the catalog does not hold it).</summary>
    public static IReadOnlyList<(string Stem, string? ActId)> Find(string text, ActTitleIndex titles)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(titles);
        var folded = TextFolding.Fold(text);
        var found = new List<(string, string?)>();
        foreach (Match definition in Definition().Matches(folded))
        {
            var before = folded[Math.Max(0, definition.Index - Reach)..definition.Index];
            var quotes = QuotedTitles.Pattern().Matches(before);
            if (quotes.Count == 0)
            {
                continue;
            }

            var stem = Stem(definition.Groups["short"].Value.Trim());
            if (stem.Length >= 3 && !found.Exists(f => f.Item1 == stem))
            {
                found.Add((stem, titles.Find(quotes[^1].Groups["title"].Value)));
            }
        }

        return found;
    }

    /// <summary>
    /// The short name a reference at [<paramref name="start"/>, <paramref name="end"/>) uses, when the word next to it
    /// (after it in Russian, before it in Kazakh) is one: its act, or null.
    /// </summary>
    public static (bool Uses, string? ActId) Used(string text, int start, int end, Language language, IReadOnlyList<(string Stem, string? ActId)> names)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count == 0)
        {
            return (false, null);
        }

        var folded = TextFolding.Fold(text);
        var word = language == Language.Kk ? WordBefore().Match(folded[Math.Max(0, start - 40)..start]) : WordAfter().Match(folded, end);
        if (!word.Success)
        {
            return (false, null);
        }

        foreach (var (stem, act) in names)
        {
            if (word.Groups["w"].Value.StartsWith(stem, StringComparison.Ordinal))
            {
                return (true, act);
            }
        }

        return (false, null);
    }

    /// <summary>«Закон» → «закон» (закона, законом); «Правила» → «правил»: one ending off a longer word.</summary>
    private static string Stem(string word)
    {
        var first = word.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;
        return first.Length > 5 ? first[..^1] : first;
    }

    [GeneratedRegex(@"\(\s*(?:далее|бұдан\s+әрі)\s*[-–—]?\s*(?<short>[^)«»""]{2,40})\)", RegexOptions.CultureInvariant)]
    private static partial Regex Definition();

    [GeneratedRegex(@"(?<w>[а-яәіңғүұқөһ-]+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex WordBefore();

    [GeneratedRegex(@"\G\s+(?<w>[а-яәіңғүұқөһ-]+)", RegexOptions.CultureInvariant)]
    private static partial Regex WordAfter();
}
