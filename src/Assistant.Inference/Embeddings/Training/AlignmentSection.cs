namespace Assistant.Inference.Embeddings.Training;

/// <summary>A section of a document to align (an article of an act): the sections of one document come together and in order.</summary>
/// <param name="Tokens">Token ids without special tokens.</param>
public sealed record AlignmentSection(int Document, int[] Tokens);
