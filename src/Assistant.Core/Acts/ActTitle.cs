namespace Assistant.Core.Acts;

/// <summary>An act a draft may amend or a reference may name, by the title, date and kind it is known by.</summary>
public sealed record ActTitle(string Id, string Title, DateOnly? AdoptedOn, ActKind Kind = ActKind.Unknown);
