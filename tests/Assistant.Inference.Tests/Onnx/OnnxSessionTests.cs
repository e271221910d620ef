using Assistant.Inference.Embeddings;
using Assistant.Inference.Onnx;
using Assistant.Inference.Tests.Embeddings;
using Microsoft.ML.OnnxRuntime;

namespace Assistant.Inference.Tests.Onnx;

public sealed class OnnxSessionTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("onnx-session-").FullName;
    private readonly StaticEmbeddingModel model = ReferenceForwardPass.RandomModel(vocabularySize: 50, dimensions: 8, seed: 7);
    private readonly string modelPath;

    public OnnxSessionTests()
    {
        modelPath = Path.Combine(folder, "model.onnx");
        StaticEmbeddingGraph.Build(model).Save(modelPath);
    }

    [Fact]
    public void Written_graph_declares_its_inputs_and_output_with_dynamic_dimensions_as_minus_one()
    {
        using var session = OnnxSessions.Open(modelPath);

        Assert.Equal(
            [
                $"{StaticEmbeddingGraph.InputIds} Int64 [-1, -1]",
                $"{StaticEmbeddingGraph.AttentionMask} Int64 [-1, -1]",
            ],
            session.InputMetadata.Select(Describe));
        Assert.Equal([$"{StaticEmbeddingGraph.Output} Float [-1, {model.Dimensions}]"], session.OutputMetadata.Select(Describe));
    }

    [Fact]
    public void Written_graph_runs_to_the_plain_forward_pass()
    {
        using var session = OnnxSessions.Open(modelPath, new OnnxSessionOptions { IntraOpThreads = 1, InterOpThreads = 1 });

        var output = StaticGraphRun.Run(session, [1, 2, 3, 4, 5, 0], [1, 1, 1, 1, 1, 0], [2, 3]);

        ReferenceForwardPass.AssertClose(ReferenceForwardPass.Embed(model, [1, 2, 3]), output.AsSpan(0, model.Dimensions));
        ReferenceForwardPass.AssertClose(ReferenceForwardPass.Embed(model, [4, 5]), output.AsSpan(model.Dimensions));
    }

    [Fact]
    public void Out_of_range_token_id_surfaces_the_onnx_runtime_error()
    {
        using var session = OnnxSessions.Open(modelPath);

        var error = Assert.Throws<OnnxRuntimeException>(() => StaticGraphRun.Run(session, [model.VocabularySize + 5], [1], [1, 1]));

        Assert.Contains("indices", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Corrupt_model_file_is_reported_as_invalid_protobuf()
    {
        var corrupt = Path.Combine(folder, "corrupt.onnx");
        File.WriteAllBytes(corrupt, [0x0A, 0xFF, 0xFF, 0x01, 0x02]);

        var error = Assert.Throws<OnnxRuntimeException>(() => OnnxSessions.Open(corrupt));

        Assert.Contains("InvalidProtobuf", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_model_file_is_named()
    {
        var absent = Path.Combine(folder, "absent.onnx");

        var error = Assert.Throws<FileNotFoundException>(() => OnnxSessions.Open(absent));

        Assert.Contains(absent, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cuda_where_it_cannot_load_is_one_error_saying_what_is_missing()
    {
        // The default build carries the CPU package, which has no CUDA provider; the -p:OnnxGpu=true build has one,
        // which loads only where CUDA and cuDNN are installed.
        var gpuPackage = OrtEnv.Instance().GetAvailableProviders().Contains(OnnxSessions.CudaProvider);

        var error = Record.Exception(() => OnnxSessions.Open(modelPath, new OnnxSessionOptions { Device = OnnxDevice.Cuda }).Dispose());

        if (error is null)
        {
            Assert.True(gpuPackage, "The CPU package opened a CUDA session.");
            return;
        }

        var unavailable = Assert.IsType<ExecutionProviderUnavailableException>(error);
        Assert.Contains("Embeddings:Device=Cuda", unavailable.Message, StringComparison.Ordinal);
        Assert.Contains(gpuPackage ? "cannot be loaded" : "-p:OnnxGpu=true", unavailable.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cuda_provider_that_cannot_load_names_the_libraries_missing_first_then_what_onnx_runtime_said()
    {
        // What the CUDA package of ONNX Runtime 1.32 throws where CUDA is not installed.
        const string said = "[ErrorCode:Fail] OrtSessionOptionsAppendExecutionProvider_Cuda: Failed to load shared library";

        var message = OnnxSessions.CudaUnavailable(said, ["libcudart.so.13", "libcudnn.so.9"]);

        Assert.Contains("but libcudart.so.13, libcudnn.so.9 cannot be loaded", message, StringComparison.Ordinal);
        Assert.Contains("Embeddings:Device=Cpu", message, StringComparison.Ordinal);
        Assert.EndsWith(said, message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Describe(KeyValuePair<string, NodeMetadata> entry) =>
        $"{entry.Key} {entry.Value.ElementDataType} [{string.Join(", ", entry.Value.Dimensions)}]";
}
