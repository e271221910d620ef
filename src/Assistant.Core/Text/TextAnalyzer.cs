using System.Collections.Concurrent;
using System.Text;
using Assistant.Core.Acts;

namespace Assistant.Core.Text;

/// <summary>
/// Turns text into the terms used for both lexical indexing and querying: tokens of letters and digits
/// (numbers such as «14-1» stay whole), folded, function words dropped, stemmed by the token's script:
/// a token with Kazakh-specific letters goes to <see cref="KazakhStemmer"/>, other Cyrillic tokens to
/// <see cref="RussianStemmer"/> unless the text is Kazakh. Stems are cached, as legal text repeats its vocabulary.
/// </summary>
public static class TextAnalyzer
{
    private const int MaxTokenLength = 64;
    private const int MaxCachedStems = 400_000;

    private static readonly StemCache RussianStems = new(RussianStemmer.Stem);
    private static readonly StemCache KazakhStems = new(KazakhStemmer.Stem);
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> RussianStopWords = StopWords.Russian.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> KazakhStopWords = StopWords.Kazakh.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The function words the analyzer drops, in folded form: also what a dense model should not weigh.</summary>
    public static IReadOnlyCollection<string> StopWordsOf(Language language) =>
        language == Language.Kk ? StopWords.Kazakh : StopWords.Russian;

    /// <summary>The terms of the text joined by single spaces: what the lexical index stores.</summary>
    public static string Normalize(string text, Language? language = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var term in Terms(text, language))
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(term);
        }

        return builder.ToString();
    }

    /// <summary>The terms of the text in order, duplicates kept.</summary>
    public static IReadOnlyList<string> Terms(string text, Language? language = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sink = new ListSink(new List<string>(text.Length / 7));
        Scan(text, language, ref sink);
        return sink.Terms;
    }

    /// <summary>
    /// Tokenises and folds the text, and stems each folded word the sink wants, handing it the term: the one loop
    /// behind <see cref="Terms"/> and <see cref="TermProbe"/>, so both read text alike.
    /// </summary>
    internal static void Scan<TSink>(ReadOnlySpan<char> span, Language? language, ref TSink sink)
        where TSink : struct, ITermSink, allows ref struct
    {
        Span<char> folded = stackalloc char[MaxTokenLength];
        var i = 0;
        while (i < span.Length)
        {
            if (!char.IsLetterOrDigit(span[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var digitsOnly = true;
            while (i < span.Length)
            {
                var c = span[i];
                if (char.IsLetterOrDigit(c))
                {
                    digitsOnly &= char.IsAsciiDigit(c);
                    i++;
                }
                else if (c == '-' && digitsOnly && i + 1 < span.Length && char.IsAsciiDigit(span[i + 1]))
                {
                    // «14-1» numbers an inserted article; it must stay one term.
                    i++;
                }
                else
                {
                    break;
                }
            }

            var token = span[start..i];
            if (token.Length > MaxTokenLength)
            {
                continue;
            }

            var word = folded[..token.Length];
            TextFolding.Fold(token, word);
            if (sink.Wants(word) && Analyze(word, digitsOnly, language) is { } term)
            {
                sink.Add(term);
            }
        }
    }

    private static string? Analyze(ReadOnlySpan<char> word, bool digitsOnly, Language? language)
    {
        if (digitsOnly)
        {
            return word.ToString();
        }

        switch (ScriptOf(word, language))
        {
            case Script.Kazakh:
                return KazakhStopWords.Contains(word) ? null : KazakhStems.Get(word);
            case Script.Russian:
                return RussianStopWords.Contains(word) ? null : RussianStems.Get(word);
            default:
                return word.ToString();
        }
    }

    private static Script ScriptOf(ReadOnlySpan<char> word, Language? language)
    {
        var cyrillic = false;
        foreach (var c in word)
        {
            if (c is 'ә' or 'ғ' or 'қ' or 'ң' or 'ө' or 'ұ' or 'ү' or 'һ' or 'і')
            {
                return Script.Kazakh;
            }

            cyrillic |= c is >= '\u0400' and <= '\u04FF';
        }

        if (!cyrillic)
        {
            return Script.Other;
        }

        return language == Language.Kk ? Script.Kazakh : Script.Russian;
    }

    private struct ListSink(List<string> terms) : ITermSink
    {
        public readonly List<string> Terms => terms;

        public readonly bool Wants(scoped ReadOnlySpan<char> word) => true;

        public readonly void Add(string term) => terms.Add(term);
    }

    private enum Script
    {
        Other,
        Russian,
        Kazakh,
    }

    /// <summary>Stems by word, looked up without allocating; stops growing at a fixed size.</summary>
    private sealed class StemCache(Func<string, string> stem)
    {
        private readonly ConcurrentDictionary<string, string> _stems = new(StringComparer.Ordinal);

        public string Get(ReadOnlySpan<char> word)
        {
            var lookup = _stems.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.TryGetValue(word, out var cached))
            {
                return cached;
            }

            var key = word.ToString();
            var result = stem(key);
            if (_stems.Count < MaxCachedStems)
            {
                _stems.TryAdd(key, result);
            }

            return result;
        }
    }
}
