using System.Text;

namespace Assistant.Inference.Tokenizers.HuggingFace;

/// <summary>The "BertPreTokenizer": splits on whitespace (dropped) and around each punctuation character (kept alone).</summary>
internal sealed class BertPreTokenizer : ITextPreTokenizer
{
    public void Split(string piece, bool isFirst, List<string> output)
    {
        var start = 0;
        for (var i = 0; i < piece.Length;)
        {
            var rune = Rune.GetRuneAt(piece, i);
            var next = i + rune.Utf16SequenceLength;
            if (Rune.IsWhiteSpace(rune) || UnicodeText.IsBertPunctuation(rune))
            {
                AddNonEmpty(piece, start, i, output);
                if (!Rune.IsWhiteSpace(rune))
                {
                    output.Add(piece[i..next]);
                }

                start = next;
            }

            i = next;
        }

        AddNonEmpty(piece, start, piece.Length, output);
    }

    private static void AddNonEmpty(string piece, int start, int end, List<string> output)
    {
        if (end > start)
        {
            output.Add(piece[start..end]);
        }
    }
}
