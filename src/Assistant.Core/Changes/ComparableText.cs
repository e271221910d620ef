using System.Text;

namespace Assistant.Core.Changes;

/// <summary>
/// A norm's heading and text as a reader compares them: whitespace and line breaks collapsed, quotes, dashes and
/// no-break spaces of every style made one, no space before punctuation. Two texts equal here differ only in
/// formatting, which is never a change.
/// </summary>
public static class ComparableText
{
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
