namespace Assistant.Core.Drafts;

/// <summary>The part of a norm an instruction addresses.</summary>
public enum TargetElement
{
    /// <summary>The whole article, point or subpoint (or chapter).</summary>
    Whole,

    /// <summary>«заголовок статьи» / «тақырыбы»: the article's or chapter's title.</summary>
    Heading,

    /// <summary>«часть вторая» / «екінші бөлік»: an unnumbered paragraph with the lists under it.</summary>
    Part,

    /// <summary>«абзац второй» / «екінші абзац»: one unnumbered paragraph.</summary>
    Paragraph,
}
