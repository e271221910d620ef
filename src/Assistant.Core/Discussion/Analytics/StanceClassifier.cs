using Assistant.Core.Acts;

namespace Assistant.Core.Discussion.Analytics;

/// <summary>
/// Reads stance from general stance expressions (<see cref="StanceLexicon"/>) rather than a trained model: every
/// decision can be traced to the words that made it, and a deputy can be told why a comment counts as opposition.
/// A cue's weight is turned by a negator («не поддерживаю», «дұрыс емес») and by irony, halved in a question, and
/// doubled for each contrast before it, as «поддерживаю, но…» is decided by what follows «но».
/// </summary>
public sealed class StanceClassifier
{
    /// <summary>How much more a clause after «но» weighs than the one before it.</summary>
    private const double ContrastWeight = 2.0;

    /// <summary>A cue asked about («это правильно?») says less than one asserted.</summary>
    private const double QuestionWeight = 0.5;

    /// <summary>Each irony marker leans against the provision even where no praise is there to turn.</summary>
    private const double IronyWeight = 0.5;

    /// <summary>A weaker score is no stance: the comment is neutral.</summary>
    private const double Margin = 0.5;

    private readonly IReadOnlyList<StanceCue> _cues = StanceLexicon.Cues;

    public Stance Classify(string text, Language language) =>
        Read(CommentTokenizer.Tokenize(text, language)).Stance;

    internal StanceReading Read(IReadOnlyList<CommentToken> tokens)
    {
        var matches = new List<(StanceCue Cue, int At)>();
        for (var i = 0; i < tokens.Count;)
        {
            var cue = _cues.FirstOrDefault(c => c.Matches(tokens, i));
            if (cue is null)
            {
                i++;
                continue;
            }

            matches.Add((cue, i));
            i += cue.Parts.Count;
        }

        var ironic = matches.Any(m => m.Cue.Kind == CueKind.Irony);
        var clauseWeight = 1.0;
        var score = 0.0;
        var cueTokens = new HashSet<int>();
        foreach (var (cue, at) in matches)
        {
            for (var k = 0; k < cue.Parts.Count; k++)
            {
                cueTokens.Add(at + k);
            }

            var asked = tokens[at].InQuestion ? QuestionWeight : 1.0;
            switch (cue.Kind)
            {
                case CueKind.Contrast:
                    clauseWeight *= ContrastWeight;
                    break;
                case CueKind.Irony:
                    score -= IronyWeight * clauseWeight * asked;
                    break;
                default:
                    var sign = cue.Kind == CueKind.Support ? 1.0 : -1.0;
                    if (IsNegated(tokens, at, cue.Parts.Count, cueTokens))
                    {
                        sign = -sign;
                    }

                    if (ironic && sign > 0)
                    {
                        sign = -sign;
                    }

                    score += sign * cue.Weight * clauseWeight * asked;
                    break;
            }
        }

        var stance = score >= Margin ? Stance.Support : score <= -Margin ? Stance.Oppose : Stance.Neutral;
        return new StanceReading(stance, score, cueTokens);
    }

    private static bool IsNegated(IReadOnlyList<CommentToken> tokens, int at, int length, HashSet<int> cueTokens)
    {
        var before = at - 1;
        if (before >= 0 && StanceLexicon.Softeners.Contains(tokens[before].Word))
        {
            before--;
        }

        if (before >= 0 && StanceLexicon.RussianNegators.Contains(tokens[before].Word))
        {
            cueTokens.Add(before);
            return true;
        }

        var after = at + length;
        if (after < tokens.Count && tokens[after].Word == StanceLexicon.KazakhNegator)
        {
            cueTokens.Add(after);
            return true;
        }

        return false;
    }
}
