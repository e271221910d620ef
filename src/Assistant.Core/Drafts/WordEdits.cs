using System.Text;

namespace Assistant.Core.Drafts;

/// <summary>
/// What the word formulas do to a text: every occurrence of the quoted words that stands as whole words (no
/// letter or digit touching it) is replaced, removed, or followed by the new words.
/// </summary>
public static class WordEdits
{
    /// <summary>«слова «X» заменить словами «Y»»: the text and how many occurrences changed.</summary>
    public static (string Text, int Count) Replace(string text, string words, string newWords) =>
        Edit(text, words, (builder, _) => builder.Append(newWords));

    /// <summary>«слова «X» исключить»: the words go with one space beside them.</summary>
    public static (string Text, int Count) Remove(string text, string words)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (edited, count) = Edit(text, words, (_, _) => { });
        return (count == 0 ? text : Tidy(edited), count);
    }

    /// <summary>«после слов «X» дополнить словами «Y»».</summary>
    public static (string Text, int Count) InsertAfter(string text, string words, string newWords) =>
        Edit(text, words, (builder, found) => builder.Append(found).Append(Separator(newWords)).Append(newWords));

    /// <summary>«дополнить словами «Y»»: at the end of the text, before its closing punctuation.</summary>
    public static string Append(string text, string newWords)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(newWords);
        var end = text.TrimEnd();
        var closing = end.Length > 0 && end[^1] is '.' or ';' or ':' or ',' ? end[^1..] : string.Empty;
        var body = end[..^closing.Length];
        return body + Separator(newWords) + newWords + closing;
    }

    /// <summary>New words that begin with punctuation join the text without a space.</summary>
    public static string Separator(string newWords) =>
        newWords.Length > 0 && newWords[0] is ',' or '.' or ';' or ':' or ')' or '»' ? string.Empty : " ";

    /// <summary>Whether the <paramref name="length"/> characters at <paramref name="index"/> stand as whole words.</summary>
    public static bool IsWholeAt(string text, int index, int length) =>
        (index == 0 || !IsWordChar(text[index - 1]) || !IsWordChar(text[index]))
        && (index + length == text.Length || !IsWordChar(text[index + length]) || !IsWordChar(text[index + length - 1]));

    /// <summary>How many times the words stand in the text as whole words.</summary>
    public static int Count(string text, string words)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Edit(text, words, (_, _) => { }).Count;
    }

    private static (string Text, int Count) Edit(string text, string words, Action<StringBuilder, string> write)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(words);
        var builder = new StringBuilder(text.Length);
        var count = 0;
        var position = 0;
        for (var at = text.IndexOf(words, StringComparison.Ordinal); at >= 0; at = text.IndexOf(words, at + 1, StringComparison.Ordinal))
        {
            if (at < position || !IsWholeAt(text, at, words.Length))
            {
                continue;
            }

            builder.Append(text, position, at - position);
            write(builder, words);
            position = at + words.Length;
            count++;
        }

        builder.Append(text, position, text.Length - position);
        return (builder.ToString(), count);
    }

    private static string Tidy(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == ' ' && builder.Length > 0 && builder[^1] == ' ')
            {
                continue;
            }

            if (c is ',' or '.' or ';' or ':' or ')' && builder.Length > 0 && builder[^1] == ' ')
            {
                builder.Length--;
            }

            builder.Append(c);
        }

        return builder.ToString().Trim();
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c);
}
