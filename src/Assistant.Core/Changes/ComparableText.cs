using System.Text;
using System.Text.RegularExpressions;

namespace Assistant.Core.Changes;

/// <summary>
/// A norm's heading and text as a reader compares them: whitespace and line breaks collapsed, quotes, dashes and
/// no-break spaces of every style made one, no space before punctuation (<see cref="Of"/>, what a redline is drawn
/// on); and, for telling whether two texts differ, no space around a dash or after a full stop or a bracket either
/// (<see cref="Key"/>). Two texts with one key differ only in formatting, which is never a change.
/// </summary>
public static partial class ComparableText
{
    /// <summary>
    /// The key of a text <see cref="Of"/> gave: «22-24» and «22 - 24», «3.Исключен» and «3. Исключен»,
    /// «(семейных)отношениях» and «(семейных) отношениях» have one key.
    /// </summary>
    public static string Key(string comparable)
    {
        ArgumentNullException.ThrowIfNull(comparable);
        return InsignificantSpace().Replace(comparable, string.Empty);
    }

    public static string Of(string? heading, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + (heading?.Length ?? 0) + 1);
        Append(builder, heading ?? string.Empty);
        if (builder.Length > 0)
        {
            builder.Append('\n');
        }

        Append(builder, text);
        return builder.ToString().Trim();
    }

    private static void Append(StringBuilder builder, string text)
    {
        var space = false;
        foreach (var raw in text)
        {
            var c = Fold(raw);
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space && !IsClosing(c) && builder[^1] != '(')
            {
                builder.Append(' ');
            }

            space = false;
            builder.Append(c);
        }
    }

    [GeneratedRegex(@"(?<=[.)-]) | (?=-)", RegexOptions.CultureInvariant)]
    private static partial Regex InsignificantSpace();

    private static bool IsClosing(char c) => c is '.' or ',' or ';' or ':' or ')' or '!' or '?';

    private static char Fold(char c) => c switch
    {
        '«' or '»' or '“' or '”' or '„' or '‟' or '″' => '"',
        '‘' or '’' or '‚' or '`' => '\'',
        '–' or '—' or '‒' or '―' or '−' => '-',
        'ё' => 'е',
        'Ё' => 'Е',
        '\u00A0' or '\u2007' or '\u202F' => ' ',
        _ => c,
    };
}
