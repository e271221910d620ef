using System.Globalization;
using System.Text;

namespace Assistant.Inference.Tokenizers.HuggingFace;

/// <summary>
/// The "BertNormalizer": control characters dropped and whitespace made a space (clean_text), CJK ideographs
/// surrounded by spaces (handle_chinese_chars), NFD with non-spacing marks dropped (strip_accents), lowercasing.
/// </summary>
internal sealed class BertNormalizer(bool cleanText, bool handleChineseChars, bool stripAccents, bool lowercase) : ITextNormalizer
{
    public string Normalize(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (cleanText && (rune.Value is 0 or 0xFFFD || IsControl(rune)))
            {
                continue;
            }

            if (cleanText && (rune.Value is '\t' or '\n' or '\r' || Rune.IsWhiteSpace(rune)))
            {
                result.Append(' ');
            }
            else if (handleChineseChars && UnicodeText.IsChinese(rune.Value))
            {
                result.Append(' ').Append(rune).Append(' ');
            }
            else
            {
                result.Append(rune);
            }
        }

        var normalized = result.ToString();
        if (stripAccents)
        {
            normalized = StripNonSpacingMarks(UnicodeText.Normalize(normalized, NormalizationForm.FormD));
        }

        return lowercase ? UnicodeText.ToLower(normalized) : normalized;
    }

    // Hugging Face's is_control: every "other" category (Cc, Cf, Cs, Co, Cn) except tab, newline and carriage return.
    private static bool IsControl(Rune rune) =>
        rune.Value is not ('\t' or '\n' or '\r')
        && Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned;

    private static string StripNonSpacingMarks(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) != UnicodeCategory.NonSpacingMark)
            {
                result.Append(rune);
            }
        }

        return result.ToString();
    }
}
