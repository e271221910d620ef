using Assistant.Inference.Llama;
using Assistant.Inference.Llama.Gguf;
using Assistant.Tests.Support;

namespace Assistant.Inference.Tests.Llama;

/// <summary>A tiny random-weight llama with the real Llama-3 vocabulary, written once for the class.</summary>
public sealed class SyntheticModelFixture : IDisposable
{
    public static readonly LlamaModelShape Shape = new()
    {
        Layers = 2,
        EmbeddingSize = 64,
        FeedForwardSize = 128,
        Heads = 4,
        KeyValueHeads = 2,
        ContextLength = 1024,
    };

    private readonly string directory = System.IO.Directory.CreateTempSubdirectory("synthetic-llama-").FullName;
    private readonly Lazy<LlamaModel> model;

    public SyntheticModelFixture()
    {
        Path = System.IO.Path.Combine(directory, "tiny-f16.gguf");
        model = new(() =>
        {
            SyntheticLlamaModel.Write(Path, Shape, SharedData.Path("models", "ggml-vocab-llama-bpe.gguf"));
            return LlamaModel.Load(new LlamaModelOptions { Path = Path });
        });
    }

    public string Path { get; }

    public string Directory => directory;

    public LlamaModel Model => model.Value;

    public void Dispose()
    {
        if (model.IsValueCreated)
        {
            model.Value.Dispose();
        }

        System.IO.Directory.Delete(directory, recursive: true);
    }
}
