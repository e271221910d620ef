namespace Assistant.Inference.Llama;

/// <summary>Which llama.cpp library LLamaSharp loads (setting <c>Llm:NativeLibraryPath</c> in the API).</summary>
public sealed record LlamaRuntimeOptions
{
    /// <summary>
    /// A libllama.so to load instead of the backend package's, e.g. the CUDA build of
    /// <c>scripts/build-llama-cuda.sh</c>; it must come from the llama.cpp commit LLamaSharp binds. Null: the
    /// backend package's library for this CPU (or its CUDA build when that backend is referenced and a GPU is there).
    /// </summary>
    public string? LibraryPath { get; init; }
}
