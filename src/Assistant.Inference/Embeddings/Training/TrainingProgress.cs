namespace Assistant.Inference.Embeddings.Training;

/// <summary>How far training has come.</summary>
/// <param name="Loss">Mean loss since the previous report; null outside training.</param>
public sealed record TrainingProgress(TrainingPhase Phase, int Step, int Steps, double? Loss);
