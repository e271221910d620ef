using Assistant.Inference.Embeddings;
using Microsoft.ML.OnnxRuntime;

namespace Assistant.Inference.Tests.Onnx;

/// <summary>Runs a static embedding graph through ONNX Runtime directly, the way any consumer of the file would.</summary>
internal static class StaticGraphRun
{
    public static float[] Run(InferenceSession session, long[] ids, long[] mask, long[] shape)
    {
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(
            runOptions,
            new Dictionary<string, OrtValue> { [StaticEmbeddingGraph.InputIds] = idsValue, [StaticEmbeddingGraph.AttentionMask] = maskValue },
            [StaticEmbeddingGraph.Output]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }
}
