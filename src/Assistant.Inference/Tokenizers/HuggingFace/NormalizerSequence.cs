namespace Assistant.Inference.Tokenizers.HuggingFace;

/// <summary>The "Sequence" normalizer: each step in order.</summary>
internal sealed class NormalizerSequence(IReadOnlyList<ITextNormalizer> steps) : ITextNormalizer
{
    public string Normalize(string text) => steps.Aggregate(text, (current, step) => step.Normalize(current));
}
