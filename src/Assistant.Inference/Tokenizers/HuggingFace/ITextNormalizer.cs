namespace Assistant.Inference.Tokenizers.HuggingFace;

/// <summary>One step of a tokenizer.json normalizer: text in, normalized text out.</summary>
internal interface ITextNormalizer
{
    string Normalize(string text);
}
