namespace Assistant.Inference.Tokenizers.HuggingFace;

/// <summary>
/// The "Metaspace" pre-tokenizer: spaces become the replacement (U+2581), a replacement is put before the piece as the
/// prepend scheme says, and with split each replacement starts a new piece.
/// </summary>
internal sealed class MetaspacePreTokenizer(char replacement, PrependScheme scheme, bool split) : ITextPreTokenizer
{
    public void Split(string piece, bool isFirst, List<string> output)
    {
        var replaced = piece.Replace(' ', replacement);
        var prepend = scheme == PrependScheme.Always || (scheme == PrependScheme.First && isFirst);
        if (prepend && !replaced.StartsWith(replacement))
        {
            replaced = replacement + replaced;
        }

        if (!split)
        {
            output.Add(replaced);
            return;
        }

        var start = 0;
        for (var i = 1; i < replaced.Length; i++)
        {
            if (replaced[i] == replacement)
            {
                output.Add(replaced[start..i]);
                start = i;
            }
        }

        if (replaced.Length > start)
        {
            output.Add(replaced[start..]);
        }
    }
}
