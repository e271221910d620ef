using System.Text;

namespace Assistant.Inference.Tokenizers.HuggingFace;

/// <summary>A tokenizer.json's normalizer and pre-tokenizer: text to the pieces its model tokenizes one by one.</summary>
internal sealed class TextPipeline(ITextNormalizer? normalizer, ITextPreTokenizer? preTokenizer) : IWordSplitter, IUnigramPreTokenizer
{
    public void Split(string text, ref ByteBuffer output, List<int> wordEnds) => Prepare(text, ref output, wordEnds);

    public void Prepare(string text, ref ByteBuffer output, List<int> segmentEnds)
    {
        var pieces = new List<string>();
        Split(text, pieces);
        foreach (var piece in pieces)
        {
            output.Append(Encoding.UTF8.GetBytes(piece));
            segmentEnds.Add(output.Length);
        }
    }

    private void Split(string text, List<string> words)
    {
        var normalized = normalizer?.Normalize(text) ?? text;
        if (normalized.Length == 0)
        {
            return;
        }

        if (preTokenizer is null)
        {
            words.Add(normalized);
            return;
        }

        preTokenizer.Split(normalized, isFirst: true, words);
    }
}
