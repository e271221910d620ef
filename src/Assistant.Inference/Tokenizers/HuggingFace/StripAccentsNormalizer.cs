using System.Globalization;
using System.Text;

namespace Assistant.Inference.Tokenizers.HuggingFace;

/// <summary>The "StripAccents" normalizer: combining marks removed (it is meant to follow NFD).</summary>
internal sealed class StripAccentsNormalizer : ITextNormalizer
{
    public string Normalize(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark))
            {
                result.Append(rune);
            }
        }

        return result.ToString();
    }
}
