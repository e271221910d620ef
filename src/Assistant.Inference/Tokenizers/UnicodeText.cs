using System.Globalization;
using System.Text;

namespace Assistant.Inference.Tokenizers;

/// <summary>Unicode operations with the semantics of Hugging Face tokenizers (Rust's char and str methods).</summary>
internal static class UnicodeText
{
    private const int CapitalSigma = 0x03A3;
    private const int FinalSigma = 0x03C2;
    private const int CapitalIWithDot = 0x0130;

    /// <summary>
    /// BERT's CJK ideograph ranges (both Hugging Face and llama.cpp start Extension F at 0x2B920, not 0x2B820).
    /// </summary>
    public static bool IsChinese(int codePoint) =>
        codePoint is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x20000 and <= 0x2A6DF)
            or (>= 0x2A700 and <= 0x2B73F) or (>= 0x2B740 and <= 0x2B81F) or (>= 0x2B920 and <= 0x2CEAF)
            or (>= 0xF900 and <= 0xFAFF) or (>= 0x2F800 and <= 0x2FA1F);

    /// <summary>BERT's punctuation: any P* category, and ASCII symbols such as $ + &lt; = &gt; ^ ` | ~.</summary>
    public static bool IsBertPunctuation(Rune rune) =>
        (rune.Value is > 0x20 and < 0x7F && !char.IsAsciiLetterOrDigit((char)rune.Value))
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;

    /// <summary>
    /// A Unicode normalization form that never throws: .NET's categories may know code points newer than the system's
    /// ICU, which then refuses the whole string, so those code points are kept as they are.
    /// </summary>
    public static string Normalize(string text, NormalizationForm form)
    {
        try
        {
            return text.Normalize(form);
        }
        catch (ArgumentException)
        {
            var result = new StringBuilder(text.Length);
            foreach (var rune in text.EnumerateRunes())
            {
                result.Append(NormalizeOne(rune.ToString(), form));
            }

            return result.ToString();
        }
    }

    /// <summary>
    /// Full lowercasing as Rust's <c>str::to_lowercase</c>: İ becomes i + combining dot, and a capital sigma ending a
    /// word becomes ς (a word here: the sigma follows a letter and no letter follows it).
    /// </summary>
    public static string ToLower(string text)
    {
        var runes = text.EnumerateRunes().ToArray();
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < runes.Length; i++)
        {
            var value = runes[i].Value;
            if (value == CapitalIWithDot)
            {
                result.Append("i\u0307");
            }
            else if (value == CapitalSigma && i > 0 && Rune.IsLetter(runes[i - 1]) && (i + 1 == runes.Length || !Rune.IsLetter(runes[i + 1])))
            {
                result.Append((char)FinalSigma);
            }
            else
            {
                result.Append(Rune.ToLowerInvariant(runes[i]));
            }
        }

        return result.ToString();
    }

    private static string NormalizeOne(string codePoint, NormalizationForm form)
    {
        try
        {
            return codePoint.Normalize(form);
        }
        catch (ArgumentException)
        {
            return codePoint;
        }
    }
}
