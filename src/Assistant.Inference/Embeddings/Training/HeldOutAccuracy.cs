namespace Assistant.Inference.Embeddings.Training;

/// <summary>Held-out accuracy of one model: over all pairs, per pair kind and per language pair.</summary>
/// <param name="Candidates">Distinct partners each anchor was ranked against.</param>
public sealed record HeldOutAccuracy(AccuracyFigure Overall, IReadOnlyList<AccuracyFigure> ByKind, IReadOnlyList<AccuracyFigure> ByLanguages, int Candidates);
