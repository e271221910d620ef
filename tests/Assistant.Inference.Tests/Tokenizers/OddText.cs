using System.Globalization;
using System.Text;

namespace Assistant.Inference.Tests.Tokenizers;

/// <summary>Seeded random strings of characters tokenizers get wrong: accents, CJK, controls, emoji, long words.</summary>
internal static class OddText
{
    // Whitespace kinds, controls and format characters, combining and precomposed accents, CJK, Hangul, emoji
    // (surrogate pairs, skin tone), Greek sigma, dotted I, ASCII symbols, the escape character and special-token text.
    private static readonly string[] Alphabet =
    [
        " ", " ", " ", "\t", "\n", "\r", "\v", "\f", "\u0085", "\u00a0", "\u2028", "\u3000", "\0", "\u0001", "\u007f",
        "\u200b", "\ufeff", "\u00ad", "\u0301", "\u0308", "é", "Å", "ñ", "Ü", "ø", "ß", "İ", "ı", "Σ", "ς", "ά",
        "ё", "й", "Й", "ә", "Ғ", "қ", "ң", "ө", "ұ", "Ү", "һ", "І", "а", "б", "в", "к", "о", "н", "с", "т", "и", "е",
        "a", "b", "c", "d", "e", "s", "t", "X", "Z", "0", "7", "9", "²", "①", "½",
        "中", "国", "法", "律", "㐀", "가", "힣", "ｶ", "Ａ", "🙂", "👍🏽", "𝔘", "𠀀", "ꙮ",
        ".", ",", "!", "?", "'", "\"", "-", "—", "«", "»", "№", "…", "$", "+", "<", "=", ">", "^", "`", "|", "~", "_", "€", "©",
        "\u2581", "[CLS]", "[SEP]", "[UNK]", "##",
    ];

    /// <param name="includeWholeBmp">Make every tenth character any BMP code point (lone surrogates included).</param>
    /// <param name="allowed">Leaves out characters where the compared tokenizers are known to differ.</param>
    /// <param name="longWords">Now and then a word of 20 to 140 times one letter.</param>
    public static List<string> Generate(int seed, int count, bool includeWholeBmp, Func<string, bool>? allowed = null, bool longWords = true)
    {
        var random = new Random(seed);
        var alphabet = Alphabet.Where(piece => allowed?.Invoke(piece) ?? true).ToArray();
        var texts = new List<string>(count);
        while (texts.Count < count)
        {
            var text = new StringBuilder();
            var length = random.Next(1, 40);
            for (var i = 0; i < length; i++)
            {
                if (random.Next(25) == 0 && longWords)
                {
                    // A long word, past BERT's 100-character limit at times.
                    text.Append(new string((char)('a' + random.Next(26)), random.Next(20, 140)));
                }
                else if (includeWholeBmp && random.Next(10) == 0)
                {
                    var drawn = ((char)random.Next(0x20, 0xFFFF)).ToString();
                    text.Append(allowed?.Invoke(drawn) ?? true ? drawn : alphabet[0]);
                }
                else
                {
                    text.Append(alphabet[random.Next(alphabet.Length)]);
                }
            }

            texts.Add(text.ToString());
        }

        return texts;
    }

    public static string Escape(string text) =>
        string.Concat(text.Select(c => c is < ' ' or > '~' ? string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}") : c.ToString()));
}
