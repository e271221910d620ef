namespace Assistant.Core.Forecasts;

/// <summary>The sentences of a norm's text: the one that holds a phrase, for findings that quote where it stands, or all of them.</summary>
public static class Sentences
{
    private const int MaxLength = 500;

    /// <summary>The text cut at every sentence end, each sentence trimmed; empty ones dropped.</summary>
    public static List<string> Split(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (EndsSentence(text, i) || i == text.Length - 1)
            {
                var sentence = text[start..(i + 1)].Trim();
                if (sentence.Length > 0)
                {
                    sentences.Add(sentence);
                }

                start = i + 1;
            }
        }

        return sentences;
    }

    public static string Around(string text, string phrase)
    {
        var at = text.IndexOf(phrase, StringComparison.Ordinal);
        if (at < 0)
        {
            return Clip(text);
        }

        var start = at;
        while (start > 0 && !EndsSentence(text, start - 1))
        {
            start--;
        }

        var end = at + phrase.Length;
        while (end < text.Length && !EndsSentence(text, end))
        {
            end++;
        }

        return Clip(text[start..Math.Min(text.Length, end + 1)].Trim());
    }

    /// <summary>A line break, or «.» / «;» before a space; not the dot of an abbreviation («ст.», «п.», «г.») or before a number.</summary>
    private static bool EndsSentence(string text, int index)
    {
        if (text[index] == '\n')
        {
            return true;
        }

        if (text[index] is not ('.' or ';') || index + 2 >= text.Length || text[index + 1] != ' ' || char.IsDigit(text[index + 2]))
        {
            return false;
        }

        var word = index;
        while (word > 0 && char.IsLetter(text[word - 1]))
        {
            word--;
        }

        return text[index] == ';' || index - word > 3;
    }

    private static string Clip(string text) => text.Length <= MaxLength ? text : text[..MaxLength] + "…";
}
