using System.Text;

namespace Assistant.Core.Text;

/// <summary>
/// Folds text for matching: lower case, «ё» → «е», and Latin look-alikes that Adilet texts mix into
/// Cyrillic words (Kazakh «i» typed as Latin i) mapped to their Cyrillic letters.
/// </summary>
public static class TextFolding
{
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            builder.Append(FoldChar(text, i));
        }

        return builder.ToString();
    }

    /// <summary>Folds <paramref name="source"/> into <paramref name="destination"/>, which is at least as long.</summary>
    public static void Fold(ReadOnlySpan<char> source, Span<char> destination)
    {
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = FoldChar(source, i);
        }
    }

    private static char FoldChar(ReadOnlySpan<char> text, int index)
    {
        var c = Lower(text[index]);
        return c switch
        {
            'ё' => 'е',
            '\u00A0' => ' ',
            'i' when IsCyrillicNeighbour(text, index) => 'і',
            _ => c,
        };
    }

    /// <summary>
    /// <see cref="char.ToLowerInvariant"/>, with the Latin and basic Cyrillic letters done here: for other letters it
    /// asks ICU, which costs more than the rest of analysing a word.
    /// </summary>
    private static char Lower(char c) => c switch
    {
        >= 'a' and <= 'z' or >= 'а' and <= 'я' or >= 'ѐ' and <= 'џ' => c,
        >= 'A' and <= 'Z' or >= 'А' and <= 'Я' => (char)(c + 0x20),
        >= 'Ѐ' and <= 'Џ' => (char)(c + 0x50),
        < '\u0080' => c,
        _ => char.ToLowerInvariant(c),
    };

    private static bool IsCyrillicNeighbour(ReadOnlySpan<char> text, int index) =>
        (index > 0 && IsCyrillic(text[index - 1])) || (index + 1 < text.Length && IsCyrillic(text[index + 1]));

    private static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';
}
