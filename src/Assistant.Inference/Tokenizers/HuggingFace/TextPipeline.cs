using System.Text;

namespace Assistant.Inference.Tokenizers.HuggingFace;

/// <summary>A tokenizer.json's normalizer and pre-tokenizer: text to the pieces its model tokenizes one by one.</summary>
internal sealed class TextPipeline(ITextNormalizer? normalizer, ITextPreTokenizer? preTokenizer) : IWordSplitter
{
    public void Split(string text, ref ByteBuffer output, List<int> wordEnds)
    {
        var pieces = new List<string>();
        Split(text, pieces);
        foreach (var piece in pieces)
        {
            output.Append(Encoding.UTF8.GetBytes(piece));
            wordEnds.Add(output.Length);
        }
    }

    public void Split(string text, List<string> pieces)
    {
        var normalized = normalizer?.Normalize(text) ?? text;
        if (normalized.Length == 0)
        {
            return;
        }

        if (preTokenizer is null)
        {
            pieces.Add(normalized);
            return;
        }

        preTokenizer.Split(normalized, isFirst: true, pieces);
    }
}
