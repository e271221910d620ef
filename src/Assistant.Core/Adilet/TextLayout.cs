namespace Assistant.Core.Adilet;

/// <summary>How physical lines of a text make paragraphs.</summary>
internal enum TextLayout
{
    /// <summary>
    /// The adilet site's text: a line is a paragraph, except that hyperlinks were cut out onto lines of their own
    /// (the line before ends with a space, or the continuation starts with a single space or punctuation).
    /// </summary>
    Site,

    /// <summary>
    /// An adilet PDF export («pdftotext -layout»): paragraphs start indented; lines at the left margin continue
    /// the paragraph above (hard line breaks mid-sentence); form feeds mark pages.
    /// </summary>
    Pdf,

    /// <summary>A bulk record's text: every line (and every «\u00A0   » run) is a paragraph.</summary>
    Bulk,
}
