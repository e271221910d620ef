namespace Assistant.Inference.Onnx;

/// <summary>Where a session runs.</summary>
public enum OnnxDevice
{
    Cpu,

    /// <summary>The CUDA execution provider; needs its provider libraries beside libonnxruntime.so.1.</summary>
    Cuda,
}
