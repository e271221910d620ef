namespace Assistant.Inference.Embeddings.Training;

/// <summary>Pairs of one kind trained on and held out.</summary>
public sealed record PairCount(string Kind, int Training, int HeldOut);
