namespace Assistant.Inference.Onnx;

/// <summary>A float output, row-major over <see cref="Shape"/>.</summary>
public sealed record OnnxFloatTensor(float[] Data, long[] Shape);
