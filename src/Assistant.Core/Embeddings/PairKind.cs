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

    /// <summary>A Russian and a Kazakh article of acts that share neither id nor registration, aligned by content.</summary>
    AlignedTranslation,

    /// <summary>A Russian and a Kazakh word that the translation pairs show to mean the same (see <c>TranslationLexicon</c>).</summary>
    WordTranslation,
}
