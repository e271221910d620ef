namespace Assistant.Inference.Embeddings.Training;

/// <summary>Two tokenized texts that should embed close together, labelled for the report.</summary>
/// <param name="Anchor">Token ids without special tokens.</param>
/// <param name="Positive">Token ids without special tokens.</param>
/// <param name="Kind">Why the texts are paired (the mining rule), e.g. «HeadingBody».</param>
/// <param name="Languages">The languages of the two sides, e.g. «ru-kk».</param>
public sealed record TokenPair(int[] Anchor, int[] Positive, string Kind, string Languages);
