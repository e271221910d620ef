namespace Assistant.Core.Text;

/// <summary>
/// Counts which of a few terms (a query's) a text holds, as <see cref="TextAnalyzer.Terms"/> would find them, but
/// stems only the words that can give one: a stem is its word's beginning, but for a last letter the Kazakh
/// stemmer may devoice («кітабы» → «кітап»), so a word that does not start with some term less its last letter is
/// passed over. Picking the best passage of a long norm for a snippet is then mostly a scan.
/// </summary>
public sealed class TermProbe
{
    private readonly Dictionary<string, int> _terms;
    private readonly string[] _prefixes;

    public TermProbe(IReadOnlySet<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        _terms = terms.Select((term, index) => (term, index)).ToDictionary(pair => pair.term, pair => pair.index, StringComparer.Ordinal);
        _prefixes = [.. terms.Select(term => Loose(term.Length > 1 ? term[..^1] : term)).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>How many distinct terms of the probe the text holds.</summary>
    public int CountIn(ReadOnlySpan<char> text, Acts.Language? language)
    {
        if (_terms.Count == 0)
        {
            return 0;
        }

        Span<bool> found = _terms.Count <= 256 ? stackalloc bool[_terms.Count] : new bool[_terms.Count];
        var sink = new CountingSink(this, found);
        TextAnalyzer.Scan(text, language, ref sink);
        return sink.Count;
    }

    // Folding turns a Latin «i» beside Cyrillic letters into «і», so the two are one letter when comparing beginnings.
    private static string Loose(string term) => term.Replace('i', 'і');

    private bool StartsLikeATerm(ReadOnlySpan<char> word)
    {
        foreach (var prefix in _prefixes)
        {
            if (prefix.Length <= word.Length && StartsWith(word, prefix))
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsWith(ReadOnlySpan<char> word, string prefix)
    {
        for (var i = 0; i < prefix.Length; i++)
        {
            var c = word[i] == 'i' ? 'і' : word[i];
            if (c != prefix[i])
            {
                return false;
            }
        }

        return true;
    }

    private ref struct CountingSink(TermProbe probe, Span<bool> found) : ITermSink
    {
        private readonly Span<bool> _found = found;

        public int Count { get; private set; }

        public readonly bool Wants(scoped ReadOnlySpan<char> word) => probe.StartsLikeATerm(word);

        public void Add(string term)
        {
            if (probe._terms.TryGetValue(term, out var index) && !_found[index])
            {
                _found[index] = true;
                Count++;
            }
        }
    }
}
