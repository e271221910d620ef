using System.Globalization;
using System.Text;

namespace Assistant.Inference.Tokenizers;

/// <summary>
/// llama.cpp's WordPiece pre-processing (<c>llm_tokenizer_wpm_session::preprocess</c>): each code point is replaced by
/// the first code point of its NFD (when accents are stripped), whitespace ends a word, controls and marks are dropped,
/// and punctuation, ASCII symbols and CJK ideographs become one-character words. Categories come from .NET (Unicode
/// 16) where llama.cpp's tables are Unicode 15.1: code points new in 16 may be treated differently.
/// </summary>
internal sealed class LlamaBertWordSplitter(bool lowercase, bool stripAccents) : IWordSplitter
{
    private const int CapitalIWithDot = 0x0130;

    // llama.cpp's first-code-point-of-NFD table for the BMP, built once on first use.
    private static readonly Lazy<int[]> DecomposedBmp = new(BuildDecomposedBmp);

    private static readonly Lazy<int[]> LoweredBmp = new(BuildLoweredBmp);

    public void Split(string text, ref ByteBuffer output, List<int> wordEnds)
    {
        Span<byte> encoded = stackalloc byte[4];
        foreach (var original in text.EnumerateRunes())
        {
            var codePoint = stripAccents ? FirstOfDecomposition(original.Value) : original.Value;
            var rune = new Rune(codePoint);
            if (IsWhitespace(codePoint))
            {
                EndWord(ref output, wordEnds);
                continue;
            }

            var category = Rune.GetUnicodeCategory(rune);
            if (codePoint is 0 or 0xFFFD || IsControl(category) || (stripAccents && IsMark(category)))
            {
                continue;
            }

            var lowered = lowercase ? ToLower(rune) : rune;
            var alone = IsPunctuation(category) || (codePoint < 0x7F && IsSymbol(category)) || UnicodeText.IsChinese(codePoint);
            if (alone)
            {
                EndWord(ref output, wordEnds);
            }

            output.Append(encoded[..lowered.EncodeToUtf8(encoded)]);
            if (alone)
            {
                EndWord(ref output, wordEnds);
            }
        }

        EndWord(ref output, wordEnds);
    }

    // The White_Space property, as llama.cpp lists it.
    private static bool IsWhitespace(int codePoint) =>
        codePoint is (>= 0x09 and <= 0x0D) or 0x20 or 0x85 or 0xA0 or 0x1680 or (>= 0x2000 and <= 0x200A)
            or 0x2028 or 0x2029 or 0x202F or 0x205F or 0x3000;

    // llama.cpp's \p{C} leaves unassigned code points (Cn) out.
    private static bool IsControl(UnicodeCategory category) =>
        category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate;

    private static bool IsMark(UnicodeCategory category) =>
        category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static bool IsPunctuation(UnicodeCategory category) =>
        category is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
            or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;

    private static bool IsSymbol(UnicodeCategory category) =>
        category is UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol
            or UnicodeCategory.OtherSymbol;

    // UnicodeData's simple lowercase mapping; .NET's invariant casing leaves İ alone where UnicodeData maps it to i.
    // The BMP is tabled: invariant casing of non-ASCII goes through ICU one call per code point.
    private static Rune ToLower(Rune rune) =>
        rune.Value <= 0xFFFF ? new Rune(LoweredBmp.Value[rune.Value]) : Rune.ToLowerInvariant(rune);

    private static int[] BuildLoweredBmp()
    {
        var table = new int[0x10000];
        for (var codePoint = 0; codePoint < table.Length; codePoint++)
        {
            table[codePoint] = char.IsSurrogate((char)codePoint) ? codePoint : Rune.ToLowerInvariant(new Rune(codePoint)).Value;
        }

        table[CapitalIWithDot] = 'i';
        return table;
    }

    private static int FirstOfDecomposition(int codePoint) =>
        codePoint < 0xC0 ? codePoint
        : codePoint <= 0xFFFF ? DecomposedBmp.Value[codePoint]
        : Rune.GetRuneAt(UnicodeText.Normalize(char.ConvertFromUtf32(codePoint), NormalizationForm.FormD), 0).Value;

    private static int[] BuildDecomposedBmp()
    {
        var table = new int[0x10000];
        for (var codePoint = 0; codePoint < table.Length; codePoint++)
        {
            // Some CJK compatibility ideographs of the BMP decompose to supplementary ones.
            table[codePoint] = codePoint >= 0xC0 && !char.IsSurrogate((char)codePoint)
                ? Rune.GetRuneAt(UnicodeText.Normalize(((char)codePoint).ToString(), NormalizationForm.FormD), 0).Value
                : codePoint;
        }

        return table;
    }

    private static void EndWord(ref ByteBuffer output, List<int> wordEnds)
    {
        if (output.Length > (wordEnds.Count > 0 ? wordEnds[^1] : 0))
        {
            wordEnds.Add(output.Length);
        }
    }
}
