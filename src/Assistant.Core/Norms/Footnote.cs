namespace Assistant.Core.Norms;

/// <summary>«Сноска.» / «Ескерту.»: a record of how the norm was amended.</summary>
/// <param name="Text">The footnote as printed.</param>
/// <param name="AmendingAct">The amending act as named («Законом РК от 01.07.2021 № 61-VII»), when recognised.</param>
/// <param name="AmendedOn">Date of the amending act, when recognised.</param>
public sealed record Footnote(string Text, string? AmendingAct, DateOnly? AmendedOn);
