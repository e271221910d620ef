namespace Assistant.Inference.Tokenizers.HuggingFace;

/// <summary>When the "Metaspace" pre-tokenizer puts its replacement character before a piece.</summary>
internal enum PrependScheme
{
    Always,
    First,
    Never,
}
