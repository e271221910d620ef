namespace Assistant.Inference.Onnx;

/// <summary>An ONNX Runtime call failed: <see cref="ErrorCode"/> and the message are ONNX Runtime's own.</summary>
public sealed class OnnxRuntimeException : Exception
{
    public OnnxRuntimeException()
    {
    }

    public OnnxRuntimeException(string message)
        : base(message)
    {
    }

    public OnnxRuntimeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public OnnxRuntimeException(OnnxErrorCode errorCode, string message)
        : base(message)
    {
        ErrorCode = errorCode;
    }

    public OnnxErrorCode ErrorCode { get; } = OnnxErrorCode.Fail;
}
