namespace Assistant.Core.Citations;

/// <summary>
/// Norms a query names directly: «ст. 188 УК» (one article), «статьи 120-135 УК РК» (a range),
/// «88-бап Еңбек кодексі», «п. 1 ст. 88 ТК». <see cref="ActIds"/> lists the acts the name may mean, most likely
/// first (the Civil Code's general and special parts share the abbreviation «ГК»); the catalog keeps those that exist.
/// </summary>
/// <param name="Text">The phrase of the query that named the norms.</param>
public sealed record CitedNorms(
    string Text,
    IReadOnlyList<string> ActIds,
    string FirstArticle,
    string? LastArticle,
    string? Point,
    string? Subpoint);
