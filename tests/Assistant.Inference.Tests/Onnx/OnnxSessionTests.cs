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
    public void Cuda_on_the_cpu_package_is_one_error_naming_the_gpu_build()
    {
        // The default build carries Microsoft.ML.OnnxRuntime, whose library has no CUDA provider to append.
        Assert.DoesNotContain(OnnxSessions.CudaProvider, OrtEnv.Instance().GetAvailableProviders());

        var error = Assert.Throws<ExecutionProviderUnavailableException>(
            () => OnnxSessions.Open(modelPath, new OnnxSessionOptions { Device = OnnxDevice.Cuda }));

        Assert.Contains("Embeddings:Device=Cuda", error.Message, StringComparison.Ordinal);
        Assert.Contains("-p:OnnxGpu=true", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cuda_provider_that_cannot_load_its_libraries_names_the_missing_one()
    {
        // What ONNX Runtime 1.32's CUDA package says where CUDA is not installed.
        const string said = "[ErrorCode:RuntimeException] /onnxruntime_src/onnxruntime/core/session/provider_bridge_ort.cc:1778 "
            + "onnxruntime::Provider& onnxruntime::ProviderLibrary::Get() [ONNXRuntimeError] : 1 : FAIL : Failed to load library "
            + "libonnxruntime_providers_cuda.so with error: libcublasLt.so.12: cannot open shared object file: No such file or directory";

        var message = OnnxSessions.CudaUnavailable(said);

        Assert.Contains("'libcublasLt.so.12' cannot be loaded", message, StringComparison.Ordinal);
        Assert.Contains("Embeddings:Device=Cpu", message, StringComparison.Ordinal);
        Assert.EndsWith(said, message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Describe(KeyValuePair<string, NodeMetadata> entry) =>
        $"{entry.Key} {entry.Value.ElementDataType} [{string.Join(", ", entry.Value.Dimensions)}]";
}
