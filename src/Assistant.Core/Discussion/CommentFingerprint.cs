using Assistant.Core.Acts;
using Assistant.Core.Text;

namespace Assistant.Core.Discussion;

/// <summary>
/// Tells a resubmitted comment from a new one: the same terms (case, punctuation, word endings and function words
/// aside), or, for comments of at least <see cref="MinTermsForNear"/> distinct terms, nine in ten of them shared.
/// </summary>
public static class CommentFingerprint
{
    public const int MinTermsForNear = 6;

    private const double NearShare = 0.9;

    /// <summary>The text's terms in order, joined by spaces.</summary>
    public static string Of(string text, Language language) => TextAnalyzer.Normalize(text, language);

    /// <summary>Whether <paramref name="candidate"/> repeats any of <paramref name="existing"/>.</summary>
    public static bool RepeatsAny(string candidate, IEnumerable<string> existing)
    {
        ArgumentNullException.ThrowIfNull(existing);
        var terms = Terms(candidate);
        foreach (var other in existing)
        {
            if (string.Equals(candidate, other, StringComparison.Ordinal))
            {
                return true;
            }

            if (terms.Count >= MinTermsForNear && Jaccard(terms, Terms(other)) >= NearShare)
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<string> Terms(string fingerprint) => [.. fingerprint.Split(' ', StringSplitOptions.RemoveEmptyEntries)];

    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (b.Count == 0)
        {
            return 0;
        }

        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }
}
