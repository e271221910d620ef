namespace Assistant.Inference.Tokenizers.HuggingFace;

/// <summary>The "Strip" normalizer: whitespace removed from either end.</summary>
internal sealed class StripNormalizer(bool left, bool right) : ITextNormalizer
{
    public string Normalize(string text) => (left, right) switch
    {
        (true, true) => text.Trim(),
        (true, false) => text.TrimStart(),
        (false, true) => text.TrimEnd(),
        _ => text,
    };
}
