using Assistant.Inference.Llama;
using Assistant.Tests.Support;

namespace Assistant.Inference.Tests.Llama;

/// <summary>stories260K (a real tiny llama) loaded once for a test class.</summary>
public sealed class StoriesModelFixture : IDisposable
{
    private readonly Lazy<LlamaModel> model = new(() => LlamaModel.Load(new LlamaModelOptions
    {
        Path = SharedData.Path("models", "stories260K.gguf"),
    }));

    public LlamaModel Model => model.Value;

    public void Dispose()
    {
        if (model.IsValueCreated)
        {
            model.Value.Dispose();
        }
    }
}
