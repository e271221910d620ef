namespace Assistant.Core.Adilet;

/// <summary>One logical paragraph of an act's text, re-joined from its physical lines.</summary>
/// <param name="Text">The paragraph, trimmed, with inner whitespace kept as printed.</param>
/// <param name="Line">1-based number of its first physical line.</param>
internal readonly record struct Paragraph(string Text, int Line);
