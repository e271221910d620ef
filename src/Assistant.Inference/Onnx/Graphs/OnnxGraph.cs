using Assistant.Inference.Onnx.Protobuf;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Assistant.Inference.Onnx.Graphs;

/// <summary>
/// Builds an ONNX model (ModelProto, IR version 8, default-domain opset 17: both well inside what ONNX Runtime 1.32
/// accepts) from declared inputs, outputs, initializers and nodes, and writes it with Google.Protobuf. Element types
/// are ONNX Runtime's <see cref="TensorElementType"/>, whose numbers are those of ONNX's TensorProto.DataType.
/// </summary>
public sealed class OnnxGraph
{
    /// <summary>The ONNX IR version written.</summary>
    public const long IrVersion = 8;

    /// <summary>The opset of the default ("ai.onnx") domain written.</summary>
    public const long OpsetVersion = 17;

    private readonly GraphProto graph;

    public OnnxGraph(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        graph = new GraphProto { Name = name };
    }

    public OnnxGraph Input(string valueName, TensorElementType type, params OnnxDimension[] shape)
    {
        graph.Input.Add(ValueInfo(valueName, type, shape));
        return this;
    }

    public OnnxGraph Output(string valueName, TensorElementType type, params OnnxDimension[] shape)
    {
        graph.Output.Add(ValueInfo(valueName, type, shape));
        return this;
    }

    /// <summary>A float constant, written as raw data; the array is referenced, not copied, until the model is written.</summary>
    public OnnxGraph Initializer(string valueName, float[] values, params long[] dimensions)
    {
        ArgumentNullException.ThrowIfNull(values);
        CheckCount(valueName, values.Length, dimensions);
        var tensor = Tensor(valueName, TensorElementType.Float, dimensions);
        tensor.RawData = UnsafeByteOperations.UnsafeWrap(new FloatBytes(values).Memory);
        graph.Initializer.Add(tensor);
        return this;
    }

    public OnnxGraph Initializer(string valueName, long[] values, params long[] dimensions)
    {
        ArgumentNullException.ThrowIfNull(values);
        CheckCount(valueName, values.Length, dimensions);
        var tensor = Tensor(valueName, TensorElementType.Int64, dimensions);
        tensor.Int64Data.AddRange(values);
        graph.Initializer.Add(tensor);
        return this;
    }

    public OnnxGraph Node(string opType, string[] nodeInputs, string[] nodeOutputs, params OnnxAttributeValue[] attributes)
    {
        ArgumentNullException.ThrowIfNull(nodeInputs);
        ArgumentNullException.ThrowIfNull(nodeOutputs);
        ArgumentNullException.ThrowIfNull(attributes);
        var node = new NodeProto { Name = $"{opType}_{graph.Node.Count}", OpType = opType };
        node.Input.AddRange(nodeInputs);
        node.Output.AddRange(nodeOutputs);
        node.Attribute.AddRange(attributes.Select(attribute => attribute.Proto));
        graph.Node.Add(node);
        return this;
    }

    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "RagLegal",
            ProducerVersion = "1",
            Graph = graph,
            OpsetImport = { new OperatorSetIdProto { Domain = string.Empty, Version = OpsetVersion } },
        };
        model.WriteTo(stream);
    }

    public void Save(string path)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        WriteTo(file);
    }

    private static TensorProto Tensor(string valueName, TensorElementType type, long[] dimensions)
    {
        var tensor = new TensorProto { DataType = (int)type, Name = valueName };
        tensor.Dims.AddRange(dimensions);
        return tensor;
    }

    private static ValueInfoProto ValueInfo(string valueName, TensorElementType type, OnnxDimension[] shape)
    {
        var dims = new TensorShapeProto();
        foreach (var dimension in shape)
        {
            dims.Dim.Add(dimension.Size is { } size
                ? new TensorShapeProto.Types.Dimension { DimValue = size }
                : new TensorShapeProto.Types.Dimension { DimParam = dimension.Parameter ?? "?" });
        }

        return new ValueInfoProto
        {
            Name = valueName,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = dims } },
        };
    }

    private static void CheckCount(string valueName, long count, long[] dimensions)
    {
        var expected = dimensions.Aggregate(1L, (product, dimension) => product * dimension);
        if (expected != count)
        {
            throw new ArgumentException(
                $"Initializer '{valueName}' has {count} values but dimensions [{string.Join(", ", dimensions)}] hold {expected}.");
        }
    }
}
