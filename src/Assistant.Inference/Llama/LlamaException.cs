namespace Assistant.Inference.Llama;

/// <summary>A llama.cpp operation failed; the message says what and, where llama.cpp logged it, why.</summary>
public sealed class LlamaException : Exception
{
    public LlamaException()
    {
    }

    public LlamaException(string message)
        : base(message)
    {
    }

    public LlamaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
