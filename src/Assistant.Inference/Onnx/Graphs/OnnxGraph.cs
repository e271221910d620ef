using Assistant.Inference.Onnx.Protobuf;

namespace Assistant.Inference.Onnx.Graphs;

/// <summary>
/// Builds an ONNX model (ModelProto, IR version 8, default-domain opset 17: both well inside what ONNX Runtime 1.30
/// accepts) from declared inputs, outputs, initializers and nodes, and writes it in protobuf form.
/// </summary>
public sealed class OnnxGraph
{
    /// <summary>The ONNX IR version written.</summary>
    public const long IrVersion = 8;

    /// <summary>The opset of the default ("ai.onnx") domain written.</summary>
    public const long OpsetVersion = 17;

    private readonly string name;
    private readonly List<ProtoMessage> inputs = [];
    private readonly List<ProtoMessage> outputs = [];
    private readonly List<ProtoMessage> initializers = [];
    private readonly List<ProtoMessage> nodes = [];

    public OnnxGraph(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        this.name = name;
    }

    public OnnxGraph Input(string valueName, OnnxElementType type, params OnnxDimension[] shape)
    {
        inputs.Add(ValueInfo(valueName, type, shape));
        return this;
    }

    public OnnxGraph Output(string valueName, OnnxElementType type, params OnnxDimension[] shape)
    {
        outputs.Add(ValueInfo(valueName, type, shape));
        return this;
    }

    /// <summary>A float constant; the memory is referenced until the model is written.</summary>
    public OnnxGraph Initializer(string valueName, ReadOnlyMemory<float> values, params long[] dimensions)
    {
        CheckCount(valueName, values.Length, dimensions);
        initializers.Add(Tensor(valueName, OnnxElementType.Float, dimensions).RawFloats(9, values));
        return this;
    }

    public OnnxGraph Initializer(string valueName, long[] values, params long[] dimensions)
    {
        ArgumentNullException.ThrowIfNull(values);
        CheckCount(valueName, values.Length, dimensions);
        initializers.Add(Tensor(valueName, OnnxElementType.Int64, dimensions).PackedInt64(7, values));
        return this;
    }

    public OnnxGraph Node(string opType, string[] nodeInputs, string[] nodeOutputs, params OnnxAttributeValue[] attributes)
    {
        ArgumentNullException.ThrowIfNull(nodeInputs);
        ArgumentNullException.ThrowIfNull(nodeOutputs);
        var node = new ProtoMessage();
        foreach (var input in nodeInputs)
        {
            node.String(1, input);
        }

        foreach (var output in nodeOutputs)
        {
            node.String(2, output);
        }

        node.String(3, $"{opType}_{nodes.Count}").String(4, opType);
        foreach (var attribute in attributes)
        {
            node.Message(5, attribute.ToProto());
        }

        nodes.Add(node);
        return this;
    }

    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var graph = new ProtoMessage();
        nodes.ForEach(node => graph.Message(1, node));
        graph.String(2, name);
        initializers.ForEach(initializer => graph.Message(5, initializer));
        inputs.ForEach(input => graph.Message(11, input));
        outputs.ForEach(output => graph.Message(12, output));
        new ProtoMessage()
            .Int64(1, IrVersion)
            .String(2, "RagLegal")
            .String(3, "1")
            .Message(7, graph)
            .Message(8, new ProtoMessage().String(1, string.Empty).Int64(2, OpsetVersion))
            .WriteTo(stream);
    }

    public void Save(string path)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        WriteTo(file);
    }

    private static ProtoMessage Tensor(string valueName, OnnxElementType type, long[] dimensions) =>
        new ProtoMessage().PackedInt64(1, dimensions).Int64(2, (long)type).String(8, valueName);

    private static ProtoMessage ValueInfo(string valueName, OnnxElementType type, OnnxDimension[] shape)
    {
        var dims = new ProtoMessage();
        foreach (var dimension in shape)
        {
            dims.Message(1, dimension.Size is { } size
                ? new ProtoMessage().Int64(1, size)
                : new ProtoMessage().String(2, dimension.Parameter ?? "?"));
        }

        var tensorType = new ProtoMessage().Int64(1, (long)type).Message(2, dims);
        return new ProtoMessage().String(1, valueName).Message(2, new ProtoMessage().Message(1, tensorType));
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
