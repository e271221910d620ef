namespace Assistant.Inference.Onnx;

/// <summary>Tensor element types (ONNXTensorElementDataType, the same numbers as ONNX's TensorProto.DataType).</summary>
#pragma warning disable CA1720 // The members name ONNX's element types, which are type names by nature.
public enum OnnxElementType
{
    Undefined = 0,
    Float = 1,
    UInt8 = 2,
    Int8 = 3,
    UInt16 = 4,
    Int16 = 5,
    Int32 = 6,
    Int64 = 7,
    String = 8,
    Bool = 9,
    Float16 = 10,
    Double = 11,
    UInt32 = 12,
    UInt64 = 13,
}
#pragma warning restore CA1720
