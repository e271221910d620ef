namespace Assistant.Inference.Embeddings.Training;

/// <summary>Mean InfoNCE loss of the steps up to <paramref name="Step"/> since the previous point.</summary>
public sealed record LossPoint(int Step, double Loss);
