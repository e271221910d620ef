using System.Text;

namespace Assistant.Inference.Tokenizers.HuggingFace;

/// <summary>The "WhitespaceSplit" pre-tokenizer: splits on whitespace, which is dropped.</summary>
internal sealed class WhitespaceSplitPreTokenizer : ITextPreTokenizer
{
    public void Split(string piece, bool isFirst, List<string> output)
    {
        var start = -1;
        for (var i = 0; i < piece.Length;)
        {
            var rune = Rune.GetRuneAt(piece, i);
            if (Rune.IsWhiteSpace(rune))
            {
                if (start >= 0)
                {
                    output.Add(piece[start..i]);
                    start = -1;
                }
            }
            else if (start < 0)
            {
                start = i;
            }

            i += rune.Utf16SequenceLength;
        }

        if (start >= 0)
        {
            output.Add(piece[start..]);
        }
    }
}
