using Assistant.Core.Embeddings;
using Assistant.Inference.Embeddings.Training;

namespace Assistant.Indexer.Training;

/// <summary>What <see cref="EmbedderTraining.Run"/> reads and how it mines and trains.</summary>
/// <param name="CorpusPaths">Files or folders of acts, as for ingest (.txt, .jsonl, .jsonl.gz).</param>
/// <param name="VocabularyPath">A GGUF file with the XLM-RoBERTa unigram vocabulary.</param>
public sealed record TrainingOptions(IReadOnlyList<string> CorpusPaths, string VocabularyPath)
{
    public PairMiningOptions Mining { get; init; } = new();

    public TrainerOptions Trainer { get; init; } = new();

    /// <summary>Files parsed at once.</summary>
    public int ReadThreads { get; init; } = Math.Min(Environment.ProcessorCount, 2);
}
