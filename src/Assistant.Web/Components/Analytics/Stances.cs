namespace Assistant.Web.Components.Analytics;

/// <summary>The three stances, always in this order and never merged: support, oppose, neutral.</summary>
public static class Stances
{
    public static IReadOnlyList<string> All { get; } = ["support", "oppose", "neutral"];

    public static int Of(string stance, int support, int oppose, int neutral) => stance switch
    {
        "support" => support,
        "oppose" => oppose,
        _ => neutral,
    };
}
