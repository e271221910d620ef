namespace Assistant.Inference.Onnx;

/// <summary>One input or output of a model.</summary>
/// <param name="Shape">One entry per dimension; -1 where the dimension is dynamic (named, like "batch").</param>
public sealed record OnnxTensorInfo(string Name, OnnxElementType ElementType, IReadOnlyList<long> Shape);
