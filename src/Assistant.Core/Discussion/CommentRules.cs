using System.Text.RegularExpressions;

namespace Assistant.Core.Discussion;

/// <summary>
/// What a comment's text must be to be accepted: plain text (no HTML: the portal shows text, never markup),
/// between <see cref="MinLength"/> and <see cref="MaxLength"/> characters, without control characters.
/// </summary>
public static partial class CommentRules
{
    public const int MinLength = 10;

    public const int MaxLength = 4_000;

    /// <summary>Why the text is refused, naming where; null when it is acceptable.</summary>
    public static string? Check(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "text is empty: write the comment.";
        }

        var length = text.Trim().Length;
        if (length < MinLength)
        {
            return $"text has {length} characters; a comment needs at least {MinLength}.";
        }

        if (text.Length > MaxLength)
        {
            return $"text has {text.Length} characters; at most {MaxLength} are accepted.";
        }

        if (Markup(text) is { } markup)
        {
            return markup;
        }

        var control = text.IndexOfAny(ControlCharacters);
        return control >= 0 ? $"text holds a control character (U+{(int)text[control]:X4}) at character {control + 1}." : null;
    }

    /// <summary>Why the text is not plain text (a tag or an entity, and where); null when it holds none.</summary>
    public static string? Markup(string text) =>
        MarkupPattern().Match(text) is { Success: true } tag
            ? $"text holds HTML ({Shorten(tag.Value)} at character {tag.Index + 1}); only plain text is accepted."
            : null;

    private static readonly char[] ControlCharacters = [.. Enumerable.Range(0, 32).Where(c => c is not '\n' and not '\r' and not '\t').Select(c => (char)c), '\u007f'];

    private static string Shorten(string tag) => tag.Length > 30 ? tag[..30] + "…" : tag;

    /// <summary>A tag («&lt;b&gt;», «&lt;/p&gt;», «&lt;!--», «&lt;script src=…&gt;») or a character entity («&amp;lt;», «&amp;#60;»).</summary>
    [GeneratedRegex(@"<\s*/?\s*[A-Za-z!?][^<>]*>|<!--|&(?:#\d{1,7}|#x[0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,30});")]
    private static partial Regex MarkupPattern();
}
