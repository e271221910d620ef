namespace Assistant.Inference.Embeddings.Training;

public enum TrainingPhase
{
    /// <summary>Held-out accuracy of the initial model.</summary>
    EvaluatingBefore,

    Training,

    /// <summary>Held-out accuracy of the trained model.</summary>
    EvaluatingAfter,
}
