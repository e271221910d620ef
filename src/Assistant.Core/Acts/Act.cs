using Assistant.Core.Norms;

namespace Assistant.Core.Acts;

/// <summary>
/// One language version of one edition of a normative legal act, parsed into norms.
/// </summary>
public sealed record Act
{
    /// <summary>Adilet document code (K1500000414) or the bulk record id when no code is known.</summary>
    public required string Id { get; init; }

    public required Language Language { get; init; }

    public required string Title { get; init; }

    public ActKind Kind { get; init; }

    public DateOnly? AdoptedOn { get; init; }

    /// <summary>The act's registration number as printed («414-V ЗРК»).</summary>
    public string? Number { get; init; }

    public ActStatus Status { get; init; }

    /// <summary>
    /// Which edition of the act this text is: a sortable date («2024-03», «2026-01-12»), later is newer.
    /// Null when the source does not say; such an edition sorts before any dated one.
    /// </summary>
    public string? Edition { get; init; }

    /// <summary>Where the text came from: a file path, or a bulk file and record id.</summary>
    public string? Source { get; init; }

    /// <summary>Text before the first norm (preamble, enacting formula).</summary>
    public string? Preamble { get; init; }

    /// <summary>Editorial notes of the act as a whole («Примечание ИЗПИ!»); never norm text.</summary>
    public IReadOnlyList<EditorialNote> EditorialNotes { get; init; } = [];

    /// <summary>Footnotes about the act as a whole (e.g. the table of contents excluded).</summary>
    public IReadOnlyList<Footnote> Footnotes { get; init; } = [];

    /// <summary>What reading the text repaired or left out, with its line: export artefacts, misspelled headings.</summary>
    public IReadOnlyList<string> Repairs { get; init; } = [];

    /// <summary>Top-level norms in document order: articles, or points of acts without articles, then annex points.</summary>
    public required IReadOnlyList<Norm> Norms { get; init; }
}
