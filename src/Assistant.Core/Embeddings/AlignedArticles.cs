namespace Assistant.Core.Embeddings;

/// <summary>A Russian and a Kazakh article that alignment by content took for one article in two languages.</summary>
public sealed record AlignedArticles(UnpairedArticle Russian, UnpairedArticle Kazakh);
