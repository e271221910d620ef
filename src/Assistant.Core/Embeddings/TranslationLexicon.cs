using Assistant.Core.Acts;
using Assistant.Core.Text;

namespace Assistant.Core.Embeddings;

/// <summary>
/// Word translations read off the translation pairs: a Russian and a Kazakh word stem that occur in the same pairs
/// far more often than apart (Dice coefficient), each the other's best match. A pair of whole articles teaches the
/// model little about any one of its words; a pair of two words sends the whole signal to their tokens, so that
/// «есірткі» lands near «наркотических» although the two never share a text.
/// </summary>
internal static class TranslationLexicon
{
    private const int MinWordLength = 4;

    public static List<TextPair> Mine(IEnumerable<TextPair> translations, PairMiningOptions options)
    {
        var russian = new Vocabulary();
        var kazakh = new Vocabulary();
        var together = new Dictionary<(int Russian, int Kazakh), int>();
        foreach (var pair in translations)
        {
            var (ruSide, kkSide) = pair.Anchor.Language == Language.Ru ? (pair.Anchor, pair.Positive) : (pair.Positive, pair.Anchor);
            var ruStems = russian.Count(ruSide.Text, Language.Ru);
            var kkStems = kazakh.Count(kkSide.Text, Language.Kk);
            foreach (var r in ruStems)
            {
                foreach (var k in kkStems)
                {
                    together[(r, k)] = together.GetValueOrDefault((r, k)) + 1;
                }
            }
        }

        var bestForRussian = new Dictionary<int, (int Kazakh, double Dice)>();
        var bestForKazakh = new Dictionary<int, (int Russian, double Dice)>();
        foreach (var ((r, k), count) in together.OrderBy(e => e.Key))
        {
            if (count < options.LexiconMinPairs)
            {
                continue;
            }

            var dice = 2.0 * count / (russian.Pairs[r] + kazakh.Pairs[k]);
            if (!bestForRussian.TryGetValue(r, out var byRussian) || dice > byRussian.Dice)
            {
                bestForRussian[r] = (k, dice);
            }

            if (!bestForKazakh.TryGetValue(k, out var byKazakh) || dice > byKazakh.Dice)
            {
                bestForKazakh[k] = (r, dice);
            }
        }

        return [.. bestForRussian
            .Where(e => e.Value.Dice >= options.LexiconMinDice && bestForKazakh[e.Value.Kazakh].Russian == e.Key)
            .OrderBy(e => e.Key)
            .Select(e => new TextPair(
                PairKind.WordTranslation,
                string.Empty,
                new PairSide(russian.SurfaceOf(e.Key), Language.Ru, null),
                new PairSide(kazakh.SurfaceOf(e.Value.Kazakh), Language.Kk, null)))];
    }

    /// <summary>Stems of one language: how many pairs each occurs in, and its most frequent spelling.</summary>
    private sealed class Vocabulary
    {
        private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
        private readonly List<Dictionary<string, int>> spellings = [];

        /// <summary>Pairs each stem occurs in, by id.</summary>
        public List<int> Pairs { get; } = [];

        /// <summary>Counts the distinct stems of a text once each and returns their ids.</summary>
        public HashSet<int> Count(string text, Language language)
        {
            var seen = new HashSet<int>();
            foreach (var word in Words(text))
            {
                if (TextAnalyzer.StopWordsOf(language).Contains(word))
                {
                    continue;
                }

                var stem = language == Language.Kk ? KazakhStemmer.Stem(word) : RussianStemmer.Stem(word);
                if (!ids.TryGetValue(stem, out var id))
                {
                    id = ids[stem] = Pairs.Count;
                    Pairs.Add(0);
                    spellings.Add(new Dictionary<string, int>(StringComparer.Ordinal));
                }

                spellings[id][word] = spellings[id].GetValueOrDefault(word) + 1;
                if (seen.Add(id))
                {
                    Pairs[id]++;
                }
            }

            return seen;
        }

        public string SurfaceOf(int id) =>
            spellings[id].OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).First().Key;

        /// <summary>Folded words of letters only, long enough to mean something.</summary>
        private static IEnumerable<string> Words(string text)
        {
            var start = -1;
            for (var i = 0; i <= text.Length; i++)
            {
                if (i < text.Length && char.IsLetter(text[i]))
                {
                    if (start < 0)
                    {
                        start = i;
                    }

                    continue;
                }

                if (start >= 0 && i - start >= MinWordLength && (i == text.Length || !char.IsAsciiDigit(text[i])))
                {
                    yield return TextFolding.Fold(text[start..i]);
                }

                start = -1;
            }
        }
    }
}
