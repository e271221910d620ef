namespace Assistant.Inference.Embeddings.Training;

/// <summary>A left and a right section (indices into the lists given) taken for one text, with their similarity.</summary>
public readonly record struct AlignedSections(int Left, int Right, float Similarity);
