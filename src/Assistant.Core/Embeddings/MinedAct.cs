using Assistant.Core.Acts;

namespace Assistant.Core.Embeddings;

/// <summary>What mining keeps of one act edition: far less than the act, so that a whole corpus fits in memory.</summary>
/// <param name="Numbers">The numbers in the act's norms, kept only for an act with a registration (to find its translation).</param>
internal sealed record MinedAct(
    string Id,
    Language Language,
    string? Title,
    string? Edition,
    string Source,
    IReadOnlyList<MinedNorm> Norms,
    ActRegistration? Registration,
    NumberProfile? Numbers)
{
    /// <summary>Newer editions first; among equal editions the first source by name, so that the choice does not depend on reading order.</summary>
    public static int CompareNewestFirst(MinedAct x, MinedAct y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var edition = string.CompareOrdinal(y.Edition, x.Edition);
        return edition != 0 ? edition : string.CompareOrdinal(x.Source, y.Source);
    }
}
