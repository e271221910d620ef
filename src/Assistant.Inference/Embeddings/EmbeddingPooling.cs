namespace Assistant.Inference.Embeddings;

/// <summary>How per-token outputs ([batch, tokens, hidden]) become one vector per text.</summary>
public enum EmbeddingPooling
{
    /// <summary>The graph pools by itself and outputs [batch, hidden].</summary>
    None,

    /// <summary>Mean of the token vectors under the attention mask (e5).</summary>
    Mean,

    /// <summary>The first token's vector (BGE-M3's dense vector).</summary>
    Cls,
}
