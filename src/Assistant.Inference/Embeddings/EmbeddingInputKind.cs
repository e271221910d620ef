namespace Assistant.Inference.Embeddings;

/// <summary>What a text is to the retriever, which picks the manifest's prefix (e5: «query: » or «passage: »).</summary>
public enum EmbeddingInputKind
{
    /// <summary>A stored text (a norm): the passage prefix. The default when a call does not say.</summary>
    Passage,

    /// <summary>A user's question: the query prefix.</summary>
    Query,
}
