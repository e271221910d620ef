namespace Assistant.Core.Embeddings;

/// <summary>Why two texts of the corpus are taken to mean the same thing.</summary>
public enum PairKind
{
    /// <summary>An article's heading and the article's text.</summary>
    HeadingBody,

    /// <summary>An act's title and one of its first norms.</summary>
    TitleNorm,

    /// <summary>Two neighbouring paragraphs (points or subpoints) of the same norm.</summary>
    SiblingParagraphs,

    /// <summary>A norm and the norm it refers to.</summary>
    CrossReference,

    /// <summary>The Russian and the Kazakh text of the same norm.</summary>
    Translation,
}
