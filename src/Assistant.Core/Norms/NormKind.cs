namespace Assistant.Core.Norms;

public enum NormKind
{
    /// <summary>«Статья N.» / «N-бап».</summary>
    Article,

    /// <summary>A numbered point «1.»: a paragraph of an article, or a top-level norm of an act without articles.</summary>
    Point,

    /// <summary>A numbered subpoint «1)».</summary>
    Subpoint,
}
