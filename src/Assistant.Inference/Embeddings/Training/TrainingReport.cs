namespace Assistant.Inference.Embeddings.Training;

/// <summary>What a training run did and how much it helped.</summary>
/// <param name="TrainedTokens">Tokens that occur in the training texts and so have weight and a trained vector.</param>
public sealed record TrainingReport(
    IReadOnlyList<PairCount> Pairs,
    int Steps,
    int TrainedTokens,
    IReadOnlyList<LossPoint> LossCurve,
    HeldOutAccuracy Before,
    HeldOutAccuracy After,
    TimeSpan Elapsed);
