namespace Assistant.Inference.Onnx;

/// <summary>Where a session runs.</summary>
public enum OnnxDevice
{
    Cpu,

    /// <summary>The CUDA execution provider: needs the Microsoft.ML.OnnxRuntime.Gpu.Linux build (-p:OnnxGpu=true) and CUDA.</summary>
    Cuda,
}
