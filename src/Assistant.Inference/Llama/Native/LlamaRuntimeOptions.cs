namespace Assistant.Inference.Llama.Native;

/// <summary>Where llama.cpp comes from (configuration section "Llama:Runtime").</summary>
public sealed record LlamaRuntimeOptions
{
    /// <summary>CPU, CUDA, or auto-detect.</summary>
    public LlamaBackend Backend { get; init; } = LlamaBackend.Auto;

    /// <summary>
    /// Folder holding <c>cpu/</c> and <c>cuda/</c> with the shared libraries; defaults to
    /// <c>native/linux-x64</c> next to the application.
    /// </summary>
    public string? LibraryDirectory { get; init; }
}
