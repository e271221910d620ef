using Microsoft.Extensions.Logging;

namespace Assistant.Inference.Onnx;

/// <summary>Where ONNX Runtime comes from and how much it logs (configuration section "Onnx:Runtime").</summary>
public sealed record OnnxRuntimeOptions
{
    /// <summary>Folder holding libonnxruntime.so.1 (and, for CUDA, its provider libraries); defaults to
    /// <c>native/linux-x64/onnxruntime</c> next to the application.</summary>
    public string? LibraryDirectory { get; init; }

    /// <summary>The least severe ONNX Runtime log line passed on to the logger.</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Warning;
}
