namespace Assistant.Inference.Llama;

/// <summary>The engine's request queue is full; retry later.</summary>
public sealed class LlamaEngineBusyException : Exception
{
    public LlamaEngineBusyException()
        : base("The LLM engine is busy: its request queue is full. Retry later.")
    {
    }

    public LlamaEngineBusyException(string message)
        : base(message)
    {
    }

    public LlamaEngineBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
