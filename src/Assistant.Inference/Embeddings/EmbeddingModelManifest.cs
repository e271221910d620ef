namespace Assistant.Inference.Embeddings;

/// <summary>manifest.json of an embedding model folder (models/embed/&lt;name&gt;/): what the graph expects and returns.</summary>
public sealed record EmbeddingModelManifest
{
    public required string Name { get; init; }

    /// <summary>Length of the vectors the generator returns.</summary>
    public required int Dimensions { get; init; }

    /// <summary>"none", "mean" or "cls".</summary>
    public EmbeddingPooling Pooling { get; init; } = EmbeddingPooling.None;

    /// <summary>L2-normalise the pooled vectors.</summary>
    public bool Normalize { get; init; } = true;

    public string QueryPrefix { get; init; } = string.Empty;

    public string PassagePrefix { get; init; } = string.Empty;

    /// <summary>Longest input in tokens, special ones included; longer texts are cut, keeping the end token.</summary>
    public int MaxTokens { get; init; } = 512;

    /// <summary>The ONNX file, relative to the folder.</summary>
    public string Model { get; init; } = "model.onnx";

    /// <summary>The tokenizer file, relative to the folder (a .gguf vocabulary for now).</summary>
    public required string Tokenizer { get; init; }

    public string InputIdsName { get; init; } = "input_ids";

    public string AttentionMaskName { get; init; } = "attention_mask";

    /// <summary>Fed with zeros when set (BERT-style graphs that declare token_type_ids).</summary>
    public string? TokenTypeIdsName { get; init; }

    /// <summary>[batch, hidden] (pooling none) or [batch, tokens, hidden] (pooling mean or cls).</summary>
    public string OutputName { get; init; } = "sentence_embedding";
}
