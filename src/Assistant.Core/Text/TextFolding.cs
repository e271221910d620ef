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

    /// <summary>
    /// Folds like <see cref="Fold(ReadOnlySpan{char}, Span{char})"/> but turns every «i» into «і», whatever its
    /// neighbours: a term of the text, folded or not, is then a substring of the text folded this way, which makes a
    /// cheap test for which parts of a text can hold a term.
    /// </summary>
    public static void FoldLoosely(ReadOnlySpan<char> source, Span<char> destination)
    {
        // Without the neighbour test every step is a vectorised pass.
        var folded = destination[..source.Length];
        source.ToLowerInvariant(folded);
        folded.Replace('ё', 'е');
        folded.Replace('\u00A0', ' ');
        folded.Replace('i', 'і');
    }

    private static char FoldChar(ReadOnlySpan<char> text, int index)
    {
        var c = char.ToLowerInvariant(text[index]);
        return c switch
        {
            'ё' => 'е',
            '\u00A0' => ' ',
            'i' when IsCyrillicNeighbour(text, index) => 'і',
            _ => c,
        };
    }

    private static bool IsCyrillicNeighbour(ReadOnlySpan<char> text, int index) =>
        (index > 0 && IsCyrillic(text[index - 1])) || (index + 1 < text.Length && IsCyrillic(text[index + 1]));

    private static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';
}
