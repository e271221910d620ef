using Assistant.Core.Acts;
using Assistant.Core.Norms;

namespace Assistant.Core.Editions;

/// <summary>One edition of an act with its norms in document order.</summary>
/// <param name="ActId">The act's id (its Adilet code where known), the same for all its editions.</param>
/// <param name="Edition">The edition's label; later labels sort after earlier ones.</param>
/// <param name="IsCurrent">Whether this is the edition in force.</param>
/// <param name="Norms">Top-level norms with their parts.</param>
public sealed record EditionText(string ActId, Language Language, string Edition, bool IsCurrent, IReadOnlyList<Norm> Norms);
