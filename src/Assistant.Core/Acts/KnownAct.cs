using System.Text.RegularExpressions;

namespace Assistant.Core.Acts;

/// <summary>
/// A code of the Republic known by name, so that «в соответствии с Трудовым кодексом», «ст. 188 УК» and
/// «88-бап Еңбек кодексі» can be resolved to an Adilet id without the act being in the catalog.
/// </summary>
/// <param name="Id">Adilet document code.</param>
/// <param name="AdoptedOn">Adoption date: an edition older than this cannot be of this act.</param>
/// <param name="Abbreviations">Abbreviations lawyers use, in either language («УК», «ҚК»).</param>
/// <param name="RussianName">Pattern over folded text matching the name in any grammatical case.</param>
/// <param name="KazakhName">Pattern over folded text matching the Kazakh name in any case.</param>
public sealed record KnownAct(
    string Id,
    ActKind Kind,
    DateOnly AdoptedOn,
    string RussianTitle,
    string KazakhTitle,
    IReadOnlyList<string> Abbreviations,
    Regex RussianName,
    Regex KazakhName);
