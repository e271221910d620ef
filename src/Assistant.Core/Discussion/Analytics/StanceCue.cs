namespace Assistant.Core.Discussion.Analytics;

/// <summary>
/// A stance expression of one or more consecutive words. A part ending in «*» matches any word it begins, so one cue
/// covers a verb's persons and an adjective's cases («поддержива*»: поддерживаю, поддерживаем).
/// </summary>
internal sealed record StanceCue(IReadOnlyList<string> Parts, CueKind Kind, double Weight)
{
    public static StanceCue Of(string phrase, CueKind kind, double weight = 1.0) =>
        new(phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries), kind, weight);

    /// <summary>Whether the cue's words stand at <paramref name="at"/>.</summary>
    public bool Matches(IReadOnlyList<CommentToken> tokens, int at)
    {
        if (at + Parts.Count > tokens.Count)
        {
            return false;
        }

        for (var k = 0; k < Parts.Count; k++)
        {
            var part = Parts[k];
            var word = tokens[at + k].Word;
            var matches = part.EndsWith('*')
                ? word.StartsWith(part.AsSpan(0, part.Length - 1), StringComparison.Ordinal)
                : word == part;
            if (!matches)
            {
                return false;
            }
        }

        return true;
    }
}
