namespace Assistant.Core.Drafts;

/// <summary>The structural unit an insertion adds: «пунктом 1-1», «подпунктом 9-2)», «частью четвертой», «главой 3-1».</summary>
public enum UnitKind
{
    Chapter,
    Article,
    Point,
    Subpoint,
    Part,
    Paragraph,
}

/// <summary>A unit to add, with its number (or its ordinal for parts and paragraphs).</summary>
public sealed record NewUnit(UnitKind Kind, string Number);
