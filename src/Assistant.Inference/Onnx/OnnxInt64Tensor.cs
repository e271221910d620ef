namespace Assistant.Inference.Onnx;

/// <summary>
/// A named int64 input (token ids, attention masks), row-major over <see cref="Shape"/>. <see cref="Data"/> may be
/// longer than the shape needs (a pooled buffer): only its first elements are read.
/// </summary>
public sealed record OnnxInt64Tensor(string Name, long[] Data, long[] Shape);
