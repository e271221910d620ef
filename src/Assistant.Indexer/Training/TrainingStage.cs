namespace Assistant.Indexer.Training;

public enum TrainingStage
{
    /// <summary>Parsing corpus files into acts; counts source bytes.</summary>
    Reading,

    /// <summary>Tokenizing the distinct texts of the mined pairs; counts texts.</summary>
    Tokenizing,

    /// <summary>Held-out accuracy of the untrained model.</summary>
    EvaluatingBefore,

    /// <summary>Training; counts steps and carries the recent loss.</summary>
    Training,

    /// <summary>Held-out accuracy of the trained model.</summary>
    EvaluatingAfter,

    /// <summary>Pairing acts found in one language only with their translations, by the first model; then all stages again.</summary>
    Aligning,
}
