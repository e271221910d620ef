namespace Assistant.Inference.Tokenizers.HuggingFace;

/// <summary>The "Prepend" normalizer: a prefix before any non-empty text.</summary>
internal sealed class PrependNormalizer(string prefix) : ITextNormalizer
{
    public string Normalize(string text) => text.Length > 0 ? prefix + text : text;
}
