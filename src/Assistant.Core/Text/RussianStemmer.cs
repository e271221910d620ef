namespace Assistant.Core.Text;

/// <summary>
/// The Snowball Russian stemming algorithm (M. Porter), over folded text (lower case, «ё» already «е»).
/// Works on the endings of the word's RV region; derivational endings only inside R2.
/// </summary>
public static class RussianStemmer
{
    private static readonly string[] PerfectiveGerundAfterA = ["вшись", "вши", "в"];
    private static readonly string[] PerfectiveGerund = ["ившись", "ывшись", "ивши", "ывши", "ив", "ыв"];
    private static readonly string[] Adjective =
        ["ими", "ыми", "его", "ого", "ему", "ому", "ее", "ие", "ые", "ое", "ей", "ий", "ый", "ой", "ем", "им", "ым", "ом", "их", "ых", "ую", "юю", "ая", "яя", "ою", "ею"];

    private static readonly string[] ParticipleAfterA = ["ем", "нн", "вш", "ющ", "щ"];
    private static readonly string[] Participle = ["ивш", "ывш", "ующ"];
    private static readonly string[] Reflexive = ["ся", "сь"];
    private static readonly string[] VerbAfterA = ["ете", "йте", "ешь", "нно", "ла", "на", "ли", "ем", "ло", "но", "ет", "ют", "ны", "ть", "й", "л", "н"];
    private static readonly string[] Verb =
        ["ейте", "уйте", "ила", "ыла", "ена", "ите", "или", "ыли", "ило", "ыло", "ено", "ует", "уют", "ены", "ить", "ыть", "ишь", "ей", "уй", "ил", "ыл", "им", "ым", "ен", "ят", "ит", "ыт", "ую", "ю"];

    private static readonly string[] Noun =
        ["иями", "ями", "ами", "ией", "иям", "ием", "иях", "ев", "ов", "ие", "ье", "еи", "ии", "ей", "ой", "ий", "ям", "ем", "ам", "ом", "ах", "ях", "ию", "ью", "ия", "ья", "а", "е", "и", "й", "о", "у", "ы", "ь", "ю", "я"];

    private static readonly string[] Superlative = ["ейше", "ейш"];
    private static readonly string[] Derivational = ["ость", "ост"];

    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return Stem(word.AsSpan());
    }

    public static string Stem(ReadOnlySpan<char> word)
    {
        var (rv, r2) = Regions(word);
        if (rv >= word.Length)
        {
            return word.ToString();
        }

        var end = word.Length;
        end = StepOne(word, rv, end);
        if (end > rv && word[end - 1] == 'и')
        {
            end--;
        }

        if (EndingOf(word, Math.Max(r2, rv), end, Derivational) is var derivational and > 0)
        {
            end -= derivational;
        }

        end = TidyUp(word, rv, end);
        return word[..end].ToString();
    }

    private static int StepOne(ReadOnlySpan<char> word, int rv, int end)
    {
        if (EndingAfterA(word, rv, end, PerfectiveGerundAfterA, PerfectiveGerund) is var gerund and > 0)
        {
            return end - gerund;
        }

        if (EndingOf(word, rv, end, Reflexive) is var reflexive and > 0)
        {
            end -= reflexive;
        }

        if (EndingOf(word, rv, end, Adjective) is var adjective and > 0)
        {
            end -= adjective;
            if (EndingAfterA(word, rv, end, ParticipleAfterA, Participle) is var participle and > 0)
            {
                end -= participle;
            }

            return end;
        }

        if (EndingAfterA(word, rv, end, VerbAfterA, Verb) is var verb and > 0)
        {
            return end - verb;
        }

        return end - EndingOf(word, rv, end, Noun);
    }

    private static int TidyUp(ReadOnlySpan<char> word, int rv, int end)
    {
        if (EndingOf(word, rv, end, Superlative) is var superlative and > 0)
        {
            end -= superlative;
            return end - rv >= 2 && word[end - 1] == 'н' && word[end - 2] == 'н' ? end - 1 : end;
        }

        if (end - rv >= 2 && word[end - 1] == 'н' && word[end - 2] == 'н')
        {
            return end - 1;
        }

        return end > rv && word[end - 1] == 'ь' ? end - 1 : end;
    }

    /// <summary>
    /// The longest ending of either group inside the region; an ending of the first group counts only after «а» or «я»
    /// (which stays). As in Snowball's <c>among</c>, the longest match decides even when its condition then fails.
    /// </summary>
    private static int EndingAfterA(ReadOnlySpan<char> word, int region, int end, string[] afterA, string[] plain)
    {
        var first = EndingOf(word, region, end, afterA);
        var second = EndingOf(word, region, end, plain);
        if (second >= first)
        {
            return second;
        }

        var before = end - first - 1;
        return before >= region && word[before] is 'а' or 'я' ? first : 0;
    }

    /// <summary>Length of the longest ending in <paramref name="endings"/> that lies inside [region, end), or 0.</summary>
    private static int EndingOf(ReadOnlySpan<char> word, int region, int end, string[] endings)
    {
        var best = 0;
        foreach (var ending in endings)
        {
            if (ending.Length > best && end - ending.Length >= region && word[..end].EndsWith(ending, StringComparison.Ordinal))
            {
                best = ending.Length;
            }
        }

        return best;
    }

    private static (int Rv, int R2) Regions(ReadOnlySpan<char> word)
    {
        var rv = word.Length;
        for (var i = 0; i < word.Length; i++)
        {
            if (IsVowel(word[i]))
            {
                rv = i + 1;
                break;
            }
        }

        var r1 = RegionAfter(word, 0);
        return (rv, RegionAfter(word, r1));
    }

    /// <summary>The position after the first non-vowel that follows a vowel, from <paramref name="start"/>.</summary>
    private static int RegionAfter(ReadOnlySpan<char> word, int start)
    {
        for (var i = start + 1; i < word.Length; i++)
        {
            if (!IsVowel(word[i]) && IsVowel(word[i - 1]))
            {
                return i + 1;
            }
        }

        return word.Length;
    }

    private static bool IsVowel(char c) => c is 'а' or 'е' or 'и' or 'о' or 'у' or 'ы' or 'э' or 'ю' or 'я';
}
