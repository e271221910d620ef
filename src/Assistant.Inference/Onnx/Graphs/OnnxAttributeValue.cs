using Assistant.Inference.Onnx.Protobuf;

namespace Assistant.Inference.Onnx.Graphs;

/// <summary>A named node attribute (AttributeProto) of one of the kinds the project's graphs use.</summary>
public sealed class OnnxAttributeValue
{
    private OnnxAttributeValue(AttributeProto proto) => Proto = proto;

    public string Name => Proto.Name;

    internal AttributeProto Proto { get; }

    public static OnnxAttributeValue Of(string name, long value) =>
        new(new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value });

    public static OnnxAttributeValue Of(string name, float value) =>
        new(new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value });

    public static OnnxAttributeValue Of(string name, long[] values)
    {
        var proto = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        proto.Ints.AddRange(values);
        return new(proto);
    }
}
