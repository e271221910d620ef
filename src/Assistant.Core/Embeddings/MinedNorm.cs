using Assistant.Core.Norms;

namespace Assistant.Core.Embeddings;

/// <summary>What mining keeps of a norm: its clipped text (null when it cannot be paired), heading, references and parts.</summary>
internal sealed record MinedNorm(NormId Id, string? Heading, string? Text, IReadOnlyList<NormId> Targets, IReadOnlyList<MinedNorm> Parts)
{
    public IEnumerable<MinedNorm> SelfAndDescendants()
    {
        yield return this;
        foreach (var part in Parts)
        {
            foreach (var norm in part.SelfAndDescendants())
            {
                yield return norm;
            }
        }
    }
}
