namespace Assistant.Indexer.Training;

/// <summary>How far a training run has come within its current stage.</summary>
/// <param name="Loss">Mean loss of the recent steps while training; null otherwise.</param>
public sealed record EmbedderTrainingProgress(TrainingStage Stage, long Done, long Total, double? Loss)
{
    public double Fraction => Total == 0 ? 1 : (double)Done / Total;
}
