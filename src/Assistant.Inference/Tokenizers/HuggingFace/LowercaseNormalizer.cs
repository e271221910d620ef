namespace Assistant.Inference.Tokenizers.HuggingFace;

/// <summary>The "Lowercase" normalizer (full Unicode lowercasing, as Rust's <c>str::to_lowercase</c>).</summary>
internal sealed class LowercaseNormalizer : ITextNormalizer
{
    public string Normalize(string text) => UnicodeText.ToLower(text);
}
