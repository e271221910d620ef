namespace Assistant.Inference.Llama.Native;

/// <summary>Which build of llama.cpp to load.</summary>
public enum LlamaBackend
{
    /// <summary>CUDA when its build is present and a CUDA driver loads, otherwise CPU.</summary>
    Auto,

    /// <summary>The CPU build (per-CPU ggml-cpu variants chosen by ggml).</summary>
    Cpu,

    /// <summary>The CUDA 13 build; needs libcudart.so.13, libcublas.so.13 and libcuda.so.1.</summary>
    Cuda,
}
