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

        /// <summary>
        /// Counts the distinct stems of a text once each and returns their ids. Words are read by the lexical analyzer,
        /// so they are folded, stemmed and stop-word-free exactly as search sees them.
        /// </summary>
        public HashSet<int> Count(string text, Language language)
        {
            var sink = new SpellingSink(this, []);
            TextAnalyzer.Scan(text, language, ref sink);
            return sink.Seen;
        }

        private void Add(string stem, string word, HashSet<int> seen)
        {
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

        public string SurfaceOf(int id) =>
            spellings[id].OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).First().Key;

        /// <summary>Takes words of letters only, long enough to mean something, and keeps each one's spelling for its stem.</summary>
        private struct SpellingSink(Vocabulary vocabulary, HashSet<int> seen) : ITermSink
        {
            private string? word;

            public readonly HashSet<int> Seen => seen;

            public bool Wants(scoped ReadOnlySpan<char> folded)
            {
                if (folded.Length < MinWordLength || folded.ContainsAnyInRange('0', '9'))
                {
                    return false;
                }

                word = folded.ToString();
                return true;
            }

            public readonly void Add(string term) => vocabulary.Add(term, word!, seen);
        }
    }
}
