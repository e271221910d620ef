using System.Runtime.InteropServices;
using Assistant.Inference.Embeddings;
using Assistant.Inference.Onnx.Graphs;
using Assistant.Inference.Onnx.Protobuf;
using Assistant.Inference.Tests.Embeddings;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Assistant.Inference.Tests.Onnx;

public class OnnxGraphTests
{
    [Fact]
    public void Written_model_reads_back_with_its_opset_nodes_and_weights_as_raw_data()
    {
        var model = ReferenceForwardPass.RandomModel(vocabularySize: 20, dimensions: 4, seed: 3);
        using var stream = new MemoryStream();

        StaticEmbeddingGraph.Build(model).WriteTo(stream);

        var read = ModelProto.Parser.ParseFrom(stream.ToArray());
        Assert.Equal(OnnxGraph.IrVersion, read.IrVersion);
        Assert.Equal(OnnxGraph.OpsetVersion, Assert.Single(read.OpsetImport).Version);
        Assert.Equal("Gather_0", read.Graph.Node[0].Name);
        Assert.Equal(0, Assert.Single(read.Graph.Node[0].Attribute).I);
        var vectors = read.Graph.Initializer.Single(tensor => tensor.Name == "vectors");
        Assert.Equal((int)TensorElementType.Float, vectors.DataType);
        Assert.Equal([20L, 4L], vectors.Dims);
        Assert.Equal(model.Vectors, MemoryMarshal.Cast<byte, float>(vectors.RawData.Span).ToArray());
        Assert.Equal([1L], read.Graph.Initializer.Single(tensor => tensor.Name == "axis_1").Int64Data);
    }

    [Fact]
    public void Initializer_whose_values_do_not_fill_its_dimensions_is_refused_naming_it()
    {
        var graph = new OnnxGraph("g");

        var error = Assert.Throws<ArgumentException>(() => graph.Initializer("w", new float[5], 2, 3));

        Assert.Contains("'w' has 5 values", error.Message, StringComparison.Ordinal);
    }
}
