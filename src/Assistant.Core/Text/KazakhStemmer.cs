using System.Buffers;

namespace Assistant.Core.Text;

/// <summary>
/// A light suffix stripper for Kazakh over folded text. Kazakh stacks suffixes in a fixed order
/// (stem + plural + possessive + case), so they are removed from the end one layer at a time: case, then possessive,
/// then plural. A stem keeps at least <see cref="MinimumStem"/> letters and a vowel, and a final voiced
/// consonant is devoiced («бабы» → «бап») so that inflected and plain forms share a stem.
/// </summary>
public static class KazakhStemmer
{
    private const int MinimumStem = 3;

    private static readonly SearchValues<char> Vowels = SearchValues.Create("аәеиоөұүыіэюяу");

    private static readonly string[] Case =
    [
        "ымен", "імен",
        "ның", "нің", "дың", "дің", "тың", "тің",
        "нда", "нде", "дан", "ден", "тан", "тен", "нан", "нен", "мен", "бен", "пен",
        "ға", "ге", "қа", "ке", "на", "не",
        "ны", "ні", "ды", "ді", "ты", "ті",
        "да", "де", "та", "те",
    ];

    private static readonly string[] Possessive =
        ["ымыз", "імыз", "ыңыз", "іңіз", "мыз", "міз", "ңыз", "ңіз", "ым", "ім", "ың", "ің", "сы", "сі", "ы", "і"];

    private static readonly string[] Plural = ["лар", "лер", "дар", "дер", "тар", "тер"];

    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return Stem(word.AsSpan());
    }

    public static string Stem(ReadOnlySpan<char> word)
    {
        var end = word.Length;
        end -= CaseEnding(word, end);
        end -= PossessiveEnding(word, end);
        end -= Strip(word, end, Plural);
        var stem = word[..end];
        return stem.Length > 0 && IsVoiced(stem[^1]) ? Devoiced(stem) : stem.ToString();
    }

    /// <summary>
    /// A case ending, including the short forms that only follow a possessive: «-н» after «-ы/-і» (құқықтары-н),
    /// «-а/-е» after «-м/-ң» (кодексім-е).
    /// </summary>
    private static int CaseEnding(ReadOnlySpan<char> word, int end)
    {
        var length = Strip(word, end, Case);
        if (length > 0)
        {
            return length;
        }

        if (end - 1 > MinimumStem && word[end - 2] is 'ы' or 'і' && word[end - 1] == 'н')
        {
            return 1;
        }

        return end - 1 > MinimumStem && word[end - 2] is 'м' or 'ң' && word[end - 1] is 'а' or 'е' ? 1 : 0;
    }

    /// <summary>A possessive ending; «-сы/-сі» follows vowels only, after a consonant the ending is «-ы/-і» (кодекс-і).</summary>
    private static int PossessiveEnding(ReadOnlySpan<char> word, int end)
    {
        var length = Strip(word, end, Possessive);
        return length == 2 && word[end - 2] == 'с' && !Vowels.Contains(word[end - 3]) ? 1 : length;
    }

    private static int Strip(ReadOnlySpan<char> word, int end, string[] suffixes)
    {
        var best = 0;
        foreach (var suffix in suffixes)
        {
            var stemLength = end - suffix.Length;
            if (suffix.Length > best && stemLength >= MinimumStem && word[..end].EndsWith(suffix, StringComparison.Ordinal) && HasVowel(word[..stemLength]))
            {
                best = suffix.Length;
            }
        }

        return best;
    }

    private static string Devoiced(ReadOnlySpan<char> stem)
    {
        var last = stem[^1] switch
        {
            'б' => 'п',
            'г' => 'к',
            'ғ' => 'қ',
            var c => c,
        };
        return string.Concat(stem[..^1], new ReadOnlySpan<char>(in last));
    }

    private static bool IsVoiced(char c) => c is 'б' or 'г' or 'ғ';

    private static bool HasVowel(ReadOnlySpan<char> text) => text.IndexOfAny(Vowels) >= 0;
}
