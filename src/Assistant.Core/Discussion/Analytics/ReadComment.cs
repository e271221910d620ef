using Assistant.Core.Acts;

namespace Assistant.Core.Discussion.Analytics;

/// <summary>A comment tokenised once and read for stance, ready for topics.</summary>
internal sealed record ReadComment(CommentSample Sample, IReadOnlyList<CommentToken> Tokens, StanceReading Reading)
{
    public Stance Stance => Reading.Stance;

    public Language Language => Sample.Language;
}
