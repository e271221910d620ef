namespace Assistant.Inference.Onnx;

/// <summary>A named int64 input (token ids, attention masks), row-major over <see cref="Shape"/>.</summary>
public sealed record OnnxInt64Tensor(string Name, long[] Data, long[] Shape);
