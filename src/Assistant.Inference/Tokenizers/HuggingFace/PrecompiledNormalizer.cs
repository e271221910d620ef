using System.Text;

namespace Assistant.Inference.Tokenizers.HuggingFace;

/// <summary>
/// The "Precompiled" normalizer (SentencePiece's charsmap), applied as SentencePiece and llama.cpp apply it: the
/// longest rewritten prefix at each position. Hugging Face applies it grapheme by grapheme instead, which can differ
/// on rare multi-character sequences.
/// </summary>
internal sealed class PrecompiledNormalizer(PrecompiledCharsMap charsMap) : ITextNormalizer
{
    public string Normalize(string text)
    {
        var input = Encoding.UTF8.GetBytes(text);
        var output = new ByteBuffer(input.Length * 2);
        try
        {
            for (var offset = 0; offset < input.Length;)
            {
                var matched = charsMap.MatchPrefix(input.AsSpan(offset), out var replacement);
                if (matched > 0)
                {
                    output.Append(replacement);
                    offset += matched;
                    continue;
                }

                var length = Math.Min(Utf8.SequenceLength(input[offset]), input.Length - offset);
                output.Append(input.AsSpan(offset, length));
                offset += length;
            }

            return Encoding.UTF8.GetString(output.Written);
        }
        finally
        {
            output.Dispose();
        }
    }
}
