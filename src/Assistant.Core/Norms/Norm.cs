namespace Assistant.Core.Norms;

/// <summary>
/// A citable unit of an act: an article, a point or a subpoint, with its parts kept addressable.
/// </summary>
public sealed record Norm
{
    public required NormId Id { get; init; }

    public required NormKind Kind { get; init; }

    /// <summary>The number as printed: «88», «14-1», «3».</summary>
    public required string Number { get; init; }

    /// <summary>The article's title («Основные понятия...»); null for points and untitled articles.</summary>
    public string? Heading { get; init; }

    /// <summary>The norm's full text including its parts, without footnotes and editorial notes.</summary>
    public required string Text { get; init; }

    /// <summary>Structural headings above the norm: «Раздел 1. Общие положения», «Глава 1. ...».</summary>
    public IReadOnlyList<string> Path { get; init; } = [];

    public NormStatus Status { get; init; }

    public IReadOnlyList<Footnote> Footnotes { get; init; } = [];

    public IReadOnlyList<EditorialNote> EditorialNotes { get; init; } = [];

    public IReadOnlyList<CrossReference> References { get; init; } = [];

    /// <summary>Points of an article, subpoints of a point.</summary>
    public IReadOnlyList<Norm> Parts { get; init; } = [];

    /// <summary>This norm and all its parts, depth first.</summary>
    public IEnumerable<Norm> SelfAndDescendants()
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
