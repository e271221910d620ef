using System.Text.RegularExpressions;

namespace Assistant.Core.Adilet;

/// <summary>
/// Headings typed with Latin letters that look Cyrillic («Cтатья 69.» with a Latin C in the CoAO): read as the
/// heading they look like, and reported, so that the article is not lost inside the one before it.
/// </summary>
internal static partial class LookAlikeHeadings
{
    public static List<Paragraph> Repair(List<Paragraph> paragraphs, List<string> repairs)
    {
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var text = paragraphs[i].Text;
            if (LookAlike().Match(text) is not { Success: true } match)
            {
                continue;
            }

            var word = match.Groups["word"].Value;
            var cyrillic = string.Concat(word.Select(ToCyrillic));
            if (cyrillic == word || cyrillic is not ("Статья" or "Глава" or "Раздел" or "Параграф"))
            {
                continue;
            }

            paragraphs[i] = paragraphs[i] with { Text = cyrillic + text[word.Length..] };
            repairs.Add($"line {paragraphs[i].Line}: «{Shorten(text)}» is spelled with Latin letters; read as «{Shorten(paragraphs[i].Text)}»");
        }

        return paragraphs;
    }

    private static char ToCyrillic(char c) => c switch
    {
        'C' => 'С',
        'c' => 'с',
        'T' => 'Т',
        'a' => 'а',
        'e' => 'е',
        'o' => 'о',
        'p' => 'р',
        'x' => 'х',
        'y' => 'у',
        'A' => 'А',
        'B' => 'В',
        'E' => 'Е',
        'H' => 'Н',
        'K' => 'К',
        'M' => 'М',
        'O' => 'О',
        'P' => 'Р',
        'X' => 'Х',
        _ => c,
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");

    /// <summary>A word of Cyrillic and Latin look-alike letters with at least one Latin letter, before a number.</summary>
    [GeneratedRegex(@"^(?<word>(?=[А-Яа-яA-Za-z]*[A-Za-z])[А-Яа-яCcTaeopxyABEHKMOPX]{5,8})\s+\d", RegexOptions.CultureInvariant)]
    private static partial Regex LookAlike();
}
