using System.Globalization;

namespace Assistant.Core.Findings;

/// <summary>
/// The word shingles of a norm's text: every run of <see cref="Size"/> consecutive words, lower-cased, as 64-bit
/// hashes. Words, not stems: a verbatim copy keeps its word forms, and stemming every norm of the corpus would cost
/// more than the whole comparison.
/// </summary>
public static class Shingles
{
    /// <summary>Words per shingle: three keep «в течение десяти» apart from «в течение тридцати» while tolerating a changed word.</summary>
    public const int Size = 3;

    /// <summary>The text's words: runs of letters and digits, lower-cased; «14-1» stays one word.</summary>
    public static List<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inside = i < text.Length && (char.IsLetterOrDigit(text[i]) || (text[i] == '-' && start >= 0 && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])));
            if (inside && start < 0)
            {
                start = i;
            }
            else if (!inside && start >= 0)
            {
                words.Add(text[start..i].ToLower(CultureInfo.InvariantCulture));
                start = -1;
            }
        }

        return words;
    }

    /// <summary>The distinct hashes of the words' shingles; a text shorter than a shingle gives one of all its words.</summary>
    public static HashSet<ulong> Of(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var hashes = new HashSet<ulong>();
        var wordHashes = words.Select(Hash).ToArray();
        for (var i = 0; i + Size <= wordHashes.Length || (i == 0 && wordHashes.Length > 0); i++)
        {
            var hash = 14695981039346656037UL;
            for (var j = i; j < Math.Min(i + Size, wordHashes.Length); j++)
            {
                hash = (hash ^ wordHashes[j]) * 1099511628211UL;
            }

            hashes.Add(Mix(hash));
        }

        return hashes;
    }

    /// <summary>Jaccard similarity of two shingle sets, 0–1.</summary>
    public static double Jaccard(IReadOnlySet<ulong> a, IReadOnlySet<ulong> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var common = small.Count(large.Contains);
        return common / (double)(a.Count + b.Count - common);
    }

    /// <summary>FNV-1a over the word's characters: stable across processes, unlike string.GetHashCode.</summary>
    private static ulong Hash(string word)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in word)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>A finaliser (splitmix64) so that the MinHash permutations see well-spread bits.</summary>
    internal static ulong Mix(ulong value)
    {
        value = (value ^ (value >> 30)) * 0xbf58476d1ce4e5b9UL;
        value = (value ^ (value >> 27)) * 0x94d049bb133111ebUL;
        return value ^ (value >> 31);
    }
}
