using Assistant.Inference.Embeddings;
using Assistant.Inference.Onnx;
using Assistant.Inference.Tests.Embeddings;

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
    public void Session_describes_inputs_and_outputs_with_dynamic_dimensions_as_minus_one()
    {
        using var session = OnnxSession.Open(modelPath);

        Assert.Equal(
            [
                $"{StaticEmbeddingGraph.InputIds} Int64 [-1, -1]",
                $"{StaticEmbeddingGraph.AttentionMask} Int64 [-1, -1]",
            ],
            session.Inputs.Select(Describe));
        Assert.Equal([$"{StaticEmbeddingGraph.Output} Float [-1, {model.Dimensions}]"], session.Outputs.Select(Describe));
    }

    [Fact]
    public void Run_returns_the_output_tensor_with_its_shape()
    {
        using var session = OnnxSession.Open(modelPath, new OnnxSessionOptions { IntraOpThreads = 1, InterOpThreads = 1 });
        long[] ids = [1, 2, 3, 4, 5, 6];

        using var output = session.Run(
            [
                new OnnxInt64Tensor(StaticEmbeddingGraph.InputIds, ids, [2, 3]),
                new OnnxInt64Tensor(StaticEmbeddingGraph.AttentionMask, [1, 1, 1, 1, 1, 1], [2, 3]),
            ],
            StaticEmbeddingGraph.Output);

        Assert.Equal([2L, model.Dimensions], output.Shape);
        ReferenceForwardPass.AssertClose(ReferenceForwardPass.Embed(model, [1, 2, 3]), output.Data[..model.Dimensions]);
        ReferenceForwardPass.AssertClose(ReferenceForwardPass.Embed(model, [4, 5, 6]), output.Data[model.Dimensions..]);
    }

    [Fact]
    public void Only_the_elements_the_shape_holds_are_read_from_a_longer_buffer()
    {
        using var session = OnnxSession.Open(modelPath, new OnnxSessionOptions { IntraOpThreads = 1, InterOpThreads = 1 });

        // Out-of-range ids past the shape would fail the Gather if they were read.
        using var output = session.Run(
            [
                new OnnxInt64Tensor(StaticEmbeddingGraph.InputIds, [1, 2, 3, model.VocabularySize + 9, -4], [1, 3]),
                new OnnxInt64Tensor(StaticEmbeddingGraph.AttentionMask, [1, 1, 1, 7, 7], [1, 3]),
            ],
            StaticEmbeddingGraph.Output);

        ReferenceForwardPass.AssertClose(ReferenceForwardPass.Embed(model, [1, 2, 3]), output.Data);
    }

    [Fact]
    public void A_buffer_shorter_than_its_shape_is_refused_naming_the_input()
    {
        using var session = OnnxSession.Open(modelPath);

        var error = Assert.Throws<ArgumentException>(() => session.Run(
            [
                new OnnxInt64Tensor(StaticEmbeddingGraph.InputIds, [1, 2], [1, 3]),
                new OnnxInt64Tensor(StaticEmbeddingGraph.AttentionMask, [1, 1, 1], [1, 3]),
            ],
            StaticEmbeddingGraph.Output));

        Assert.Contains($"Input '{StaticEmbeddingGraph.InputIds}' has 2 values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_of_range_token_id_surfaces_onnx_runtime_error_code_and_message()
    {
        using var session = OnnxSession.Open(modelPath);

        var error = Assert.Throws<OnnxRuntimeException>(() => session.Run(
            [
                new OnnxInt64Tensor(StaticEmbeddingGraph.InputIds, [model.VocabularySize + 5], [1, 1]),
                new OnnxInt64Tensor(StaticEmbeddingGraph.AttentionMask, [1], [1, 1]),
            ],
            StaticEmbeddingGraph.Output));

        Assert.NotEqual(OnnxErrorCode.Ok, error.ErrorCode);
        Assert.Contains("indices", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Corrupt_model_file_is_reported_as_invalid_protobuf()
    {
        var corrupt = Path.Combine(folder, "corrupt.onnx");
        File.WriteAllBytes(corrupt, [0x0A, 0xFF, 0xFF, 0x01, 0x02]);

        var error = Assert.Throws<OnnxRuntimeException>(() => OnnxSession.Open(corrupt));

        Assert.Equal(OnnxErrorCode.InvalidProtobuf, error.ErrorCode);
    }

    [Fact]
    public void Unknown_input_name_is_a_clear_error_listing_the_inputs()
    {
        using var session = OnnxSession.Open(modelPath);

        var error = Assert.Throws<ArgumentException>(() => session.Run(
            [new OnnxInt64Tensor("token_ids", [1], [1, 1])], StaticEmbeddingGraph.Output));

        Assert.Contains("token_ids", error.Message, StringComparison.Ordinal);
        Assert.Contains(StaticEmbeddingGraph.InputIds, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cuda_without_its_provider_libraries_names_the_missing_file_and_folder()
    {
        var error = Assert.Throws<OnnxRuntimeException>(
            () => OnnxSession.Open(modelPath, new OnnxSessionOptions { Device = OnnxDevice.Cuda }));

        Assert.Equal(OnnxErrorCode.NoSuchFile, error.ErrorCode);
        Assert.Contains(Path.Combine(OnnxRuntime.LibraryDirectory!, OnnxSession.CudaProviderFiles[0]), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cuda_check_names_the_provider_library_still_missing()
    {
        File.WriteAllBytes(Path.Combine(folder, OnnxSession.CudaProviderFiles[0]), []);

        var error = Assert.Throws<OnnxRuntimeException>(() => OnnxSession.EnsureCudaProvider(folder));

        Assert.Contains(Path.Combine(folder, "libonnxruntime_providers_cuda.so"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_cannot_be_read_once_disposed()
    {
        using var session = OnnxSession.Open(modelPath, new OnnxSessionOptions { IntraOpThreads = 1, InterOpThreads = 1 });
        var output = session.Run(
            [
                new OnnxInt64Tensor(StaticEmbeddingGraph.InputIds, [1, 2], [1, 2]),
                new OnnxInt64Tensor(StaticEmbeddingGraph.AttentionMask, [1, 1], [1, 2]),
            ],
            StaticEmbeddingGraph.Output);

        output.Dispose();

        Assert.Throws<ObjectDisposedException>(() => output.Data.Length);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Describe(OnnxTensorInfo info) => $"{info.Name} {info.ElementType} [{string.Join(", ", info.Shape)}]";
}
