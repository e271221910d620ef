using System.Text.RegularExpressions;

namespace Assistant.Inference.Tokenizers.HuggingFace;

/// <summary>The "Replace" normalizer: every match of a string or regex pattern becomes the content.</summary>
internal sealed class ReplaceNormalizer(Regex pattern, string content) : ITextNormalizer
{
    public string Normalize(string text) => pattern.Replace(text, content.Replace("$", "$$", StringComparison.Ordinal));
}
