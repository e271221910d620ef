namespace Assistant.Inference.Tokenizers.HuggingFace;

/// <summary>One step of a tokenizer.json pre-tokenizer: splits a piece of normalized text into smaller pieces.</summary>
internal interface ITextPreTokenizer
{
    /// <param name="isFirst">The piece is the first of the text (Metaspace's prepend_scheme "first" asks).</param>
    void Split(string piece, bool isFirst, List<string> output);
}
