using Assistant.Core.Embeddings;
using Assistant.Indexer.Ingestion;
using Assistant.Inference.Embeddings;
using Assistant.Inference.Embeddings.Training;

namespace Assistant.Indexer.Training;

/// <summary>The trained model, its report, and what reading and mining the corpus gave.</summary>
/// <param name="Acts">Act language versions mined (newest edition of each).</param>
/// <param name="Translated">Acts found in both languages, which the translation pairs come from.</param>
/// <param name="Failures">Files or records that could not be parsed; training went on without them.</param>
public sealed record EmbedderTrainingResult(
    StaticEmbeddingModel Model,
    TrainingReport Report,
    IReadOnlyList<PairKindCount> Mined,
    int Acts,
    IReadOnlyList<ActTranslation> Translated,
    IReadOnlyList<IngestFailure> Failures,
    TimeSpan Reading,
    TimeSpan Tokenizing)
{
    /// <summary>Acts paired by content, whose aligned articles the final model also trained on.</summary>
    public IReadOnlyList<ActAlignment> Aligned { get; init; } = [];
}
