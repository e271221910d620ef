using System.Text;

namespace Assistant.Inference.Tokenizers;

/// <summary>The two ways WordPiece pieces are joined back into text.</summary>
internal static class WordPieceDecoding
{
    /// <summary>
    /// llama.cpp's detokenize for WPM vocabularies: the escaped space becomes a space (no prefix is stripped, as
    /// add_space_prefix is off for BERT), then its clean_spaces passes run.
    /// </summary>
    public static string LlamaCpp(IEnumerable<string> pieces, string escapedSpace)
    {
        var text = new StringBuilder();
        foreach (var piece in pieces)
        {
            text.Append(piece.Replace(escapedSpace, " ", StringComparison.Ordinal));
        }

        return CleanContractions(CleanLoneApostrophes(CleanSpaceBeforePunctuation(text.ToString())));
    }

    /// <summary>
    /// Hugging Face's WordPiece decoder with cleanup: pieces after the first are joined by a space unless they carry the
    /// continuation prefix, which is removed; each piece is then cleaned up on its own.
    /// </summary>
    public static string HuggingFace(IReadOnlyList<string> pieces, string continuationPrefix)
    {
        var text = new StringBuilder();
        for (var i = 0; i < pieces.Count; i++)
        {
            var piece = pieces[i];
            if (i > 0)
            {
                piece = continuationPrefix.Length > 0 && piece.StartsWith(continuationPrefix, StringComparison.Ordinal)
                    ? piece[continuationPrefix.Length..]
                    : " " + piece;
            }

            text.Append(CleanUp(piece));
        }

        return text.ToString();
    }

    private static string CleanUp(string piece) => piece
        .Replace(" .", ".", StringComparison.Ordinal)
        .Replace(" ?", "?", StringComparison.Ordinal)
        .Replace(" !", "!", StringComparison.Ordinal)
        .Replace(" ,", ",", StringComparison.Ordinal)
        .Replace(" ' ", "'", StringComparison.Ordinal)
        .Replace(" n't", "n't", StringComparison.Ordinal)
        .Replace(" 'm", "'m", StringComparison.Ordinal)
        .Replace(" do not", " don't", StringComparison.Ordinal)
        .Replace(" 's", "'s", StringComparison.Ordinal)
        .Replace(" 've", "'ve", StringComparison.Ordinal)
        .Replace(" 're", "'re", StringComparison.Ordinal);

    // " ?", " !", " .", " ," lose their space.
    private static string CleanSpaceBeforePunctuation(string text)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i > 0 && text[i - 1] == ' ' && text[i] is '?' or '!' or '.' or ',')
            {
                result.Length--;
            }

            result.Append(text[i]);
        }

        return result.ToString();
    }

    // " ' " becomes "'"; llama.cpp blanks the dropped space in place, so it no longer counts as the next one's space.
    private static string CleanLoneApostrophes(string text)
    {
        var result = new StringBuilder(text.Length);
        var blanked = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (i > 0 && text[i] == '\'' && i + 1 < text.Length && text[i - 1] == ' ' && i - 1 != blanked && text[i + 1] == ' ')
            {
                result.Length--;
                result.Append('\'');
                blanked = ++i;
                continue;
            }

            result.Append(text[i]);
        }

        return result.ToString();
    }

    // " 's", " 'm", " 're", " 've" lose their space; " 't", " 'd", " 'll" keep it.
    private static string CleanContractions(string text)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i > 0 && text[i - 1] == ' ' && text[i] == '\'' && i + 1 < text.Length && RemovesSpace(text.AsSpan(i + 1)))
            {
                result.Length--;
            }

            result.Append(text[i]);
        }

        return result.ToString();
    }

    private static bool RemovesSpace(ReadOnlySpan<char> after) =>
        after[0] is 's' or 'm' || (after.Length > 1 && (after[..2] is "re" || after[..2] is "ve"));
}
