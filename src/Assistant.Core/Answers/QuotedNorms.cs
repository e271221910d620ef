using System.Text.RegularExpressions;
using Assistant.Core.Changes;

namespace Assistant.Core.Answers;

/// <summary>
/// Quotes of norms in an answer («…» of a few words or more) must be words of the sources it was given, in the
/// edition they were retrieved from. A quote found in none of them is removed and reported, as a marker of a source
/// not given is. Short quotes are names («О правовых актах»), not quotations of a norm, and are left alone.
/// </summary>
public static partial class QuotedNorms
{
    /// <summary>A quotation of fewer words is taken for a name.</summary>
    private const int MinWords = 4;

    public static VerifiedText Verify(VerifiedText answer, IReadOnlyList<AnswerSource> sources)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(sources);
        var texts = sources.Select(source => Comparable(source.Text)).ToList();
        var removed = new List<string>(answer.Removed);
        var text = Quote().Replace(answer.Text, match =>
        {
            var quoted = Comparable(match.Groups["q"].Value);
            if (quoted.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < MinWords || texts.Any(t => t.Contains(quoted, StringComparison.Ordinal)))
            {
                return match.Value;
            }

            removed.Add(match.Value);
            return string.Empty;
        });
        return answer with { Text = text, Removed = removed };
    }

    /// <summary>Quotes compare as readers read them: one kind of quote mark and dash, spacing collapsed, no case.</summary>
    private static string Comparable(string text) => ComparableText.Of(null, text).Trim('"', ' ', '.', ',', ';').ToLowerInvariant();

    [GeneratedRegex(@"«(?<q>[^«»]{10,})»", RegexOptions.CultureInvariant)]
    private static partial Regex Quote();
}
