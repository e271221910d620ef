namespace Assistant.Inference.Onnx.Graphs;

/// <summary>One dimension of a declared input or output: a fixed size, or a named dynamic one ("batch").</summary>
public readonly record struct OnnxDimension(long? Size, string? Parameter)
{
    public static OnnxDimension Fixed(long size) => new(size, null);

    public static OnnxDimension Dynamic(string parameter) => new(null, parameter);
}
