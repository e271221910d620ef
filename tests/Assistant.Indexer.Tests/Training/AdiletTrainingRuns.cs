using Assistant.Core.Embeddings;
using Assistant.Indexer.Training;
using Assistant.Inference.Embeddings.Training;
using Assistant.Tests.Support;

namespace Assistant.Indexer.Tests.Training;

/// <summary>Two training runs with the same seed over the Adilet texts of ../shared/corpus, made once for the test class.</summary>
public sealed class AdiletTrainingRuns
{
    private readonly Lazy<(EmbedderTrainingResult First, EmbedderTrainingResult Second)> runs = new(() => (Run(), Run()));

    public EmbedderTrainingResult First => runs.Value.First;

    public EmbedderTrainingResult Second => runs.Value.Second;

    private static EmbedderTrainingResult Run()
    {
        var options = new TrainingOptions([SharedData.Path("corpus", "adilet")], SharedData.Path("models", "ggml-vocab-nomic-bert-moe.gguf"))
        {
            Mining = new PairMiningOptions { Seed = 4, HeldOutShare = 0.2 },
            Trainer = new TrainerOptions { Dimensions = 64, Epochs = 1, Seed = 4, Threads = 2 },
        };
        return EmbedderTraining.Run(options, null, CancellationToken.None);
    }
}
