namespace Assistant.Inference.Embeddings.Training;

/// <summary>
/// Share of held-out pairs of a group whose partner is the nearest (top-1) or among the ten nearest (top-10) of all
/// held-out partners. Ties count against the pair.
/// </summary>
public sealed record AccuracyFigure(string Group, int Pairs, double Top1, double Top10);
