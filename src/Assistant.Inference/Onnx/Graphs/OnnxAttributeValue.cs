using Assistant.Inference.Onnx.Protobuf;

namespace Assistant.Inference.Onnx.Graphs;

/// <summary>A named node attribute (AttributeProto) of one of the kinds the project's graphs use.</summary>
public sealed class OnnxAttributeValue
{
    // AttributeProto.AttributeType values.
    private const int FloatType = 1;
    private const int IntType = 2;
    private const int IntsType = 7;

    private readonly Action<ProtoMessage> fill;

    private OnnxAttributeValue(string name, Action<ProtoMessage> fill)
    {
        Name = name;
        this.fill = fill;
    }

    public string Name { get; }

    public static OnnxAttributeValue Of(string name, long value) =>
        new(name, message => message.Int64(3, value).Int64(20, IntType));

    public static OnnxAttributeValue Of(string name, float value) =>
        new(name, message => message.Float(2, value).Int64(20, FloatType));

    public static OnnxAttributeValue Of(string name, long[] values) =>
        new(name, message => message.PackedInt64(8, values).Int64(20, IntsType));

    internal ProtoMessage ToProto()
    {
        var message = new ProtoMessage().String(1, Name);
        fill(message);
        return message;
    }
}
