namespace Assistant.Core.Discussion.Analytics;

/// <summary>Support, opposition and neutral comments kept apart, never netted into one score.</summary>
public sealed record StanceCounts(int Support, int Oppose, int Neutral)
{
    public static StanceCounts None { get; } = new(0, 0, 0);

    public int Total => Support + Oppose + Neutral;

    public StanceCounts Add(Stance stance) => stance switch
    {
        Stance.Support => this with { Support = Support + 1 },
        Stance.Oppose => this with { Oppose = Oppose + 1 },
        _ => this with { Neutral = Neutral + 1 },
    };

    public static StanceCounts Of(IEnumerable<Stance> stances)
    {
        ArgumentNullException.ThrowIfNull(stances);
        return stances.Aggregate(None, (counts, stance) => counts.Add(stance));
    }
}
