namespace Assistant.Core.Embeddings;

/// <summary>How many pairs of one kind were mined, for training and held out.</summary>
public sealed record PairKindCount(PairKind Kind, int Training, int HeldOut);
