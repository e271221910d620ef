namespace Assistant.Inference.Tokenizers.HuggingFace;

/// <summary>The "Sequence" pre-tokenizer: each step splits every piece the previous one produced.</summary>
internal sealed class PreTokenizerSequence(IReadOnlyList<ITextPreTokenizer> steps) : ITextPreTokenizer
{
    public void Split(string piece, bool isFirst, List<string> output)
    {
        List<string> pieces = [piece];
        foreach (var step in steps)
        {
            var next = new List<string>();
            for (var i = 0; i < pieces.Count; i++)
            {
                step.Split(pieces[i], isFirst && i == 0, next);
            }

            pieces = next;
        }

        output.AddRange(pieces);
    }
}
