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

    /// <summary>
    /// After a first training, pair acts found in one language only with their translations by content, and train
    /// again with their aligned articles as translation pairs. Off by default: on this corpus it pairs the Kazakh
    /// drafts of about 70 codes and laws with their Russian texts (over a thousand articles), yet neither held-out
    /// accuracy nor retrieval measured better, at twice the training time.
    /// </summary>
    public bool AlignByContent { get; init; }

    public AlignmentOptions Alignment { get; init; } = new();

    /// <summary>
    /// Translation and word-translation pairs are trained on this many times an epoch: they are a few thousand among
    /// two hundred thousand pairs within one language, and the only ones that teach the model across languages.
    /// </summary>
    public int TranslationRepeats { get; init; } = 4;

    /// <summary>Files parsed at once.</summary>
    public int ReadThreads { get; init; } = Math.Min(Environment.ProcessorCount, 2);
}
