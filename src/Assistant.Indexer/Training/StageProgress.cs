using Assistant.Inference.Embeddings.Training;

namespace Assistant.Indexer.Training;

/// <summary>Reports the trainer's progress as stages of the whole run, synchronously and so in order.</summary>
internal sealed class StageProgress(IProgress<EmbedderTrainingProgress> target) : IProgress<TrainingProgress>
{
    public void Report(TrainingProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var stage = value.Phase switch
        {
            TrainingPhase.EvaluatingBefore => TrainingStage.EvaluatingBefore,
            TrainingPhase.Training => TrainingStage.Training,
            _ => TrainingStage.EvaluatingAfter,
        };
        target.Report(new EmbedderTrainingProgress(stage, value.Step, value.Steps, value.Loss));
    }
}
