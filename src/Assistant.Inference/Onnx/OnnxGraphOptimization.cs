namespace Assistant.Inference.Onnx;

/// <summary>ONNX Runtime's GraphOptimizationLevel.</summary>
public enum OnnxGraphOptimization
{
    None = 0,
    Basic = 1,
    Extended = 2,
    All = 99,
}
