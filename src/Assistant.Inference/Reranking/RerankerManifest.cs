namespace Assistant.Inference.Reranking;

/// <summary>What a re-ranker folder's manifest.json says: the features it was trained on and how.</summary>
public sealed record RerankerManifest(
    IReadOnlyList<string> Features,
    int Seed,
    int Trees,
    int Leaves,
    double LearningRate,
    int Questions,
    int PseudoQuestions,
    DateTimeOffset TrainedAt);
