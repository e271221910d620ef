namespace Assistant.Core.Discussion.Analytics;

/// <summary>
/// A commenter's position on the provision commented on. Neutral also holds questions and off-topic complaints: a
/// deputy reads support and opposition as counts of people for and against, so nothing unsure is added to either.
/// </summary>
public enum Stance
{
    Support,
    Oppose,
    Neutral,
}
