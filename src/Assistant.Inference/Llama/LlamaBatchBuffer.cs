using Assistant.Inference.Llama.Native;

namespace Assistant.Inference.Llama;

/// <summary>A llama_batch allocated by llama.cpp, refilled for each decode call.</summary>
internal sealed unsafe class LlamaBatchBuffer : IDisposable
{
    private LlamaBatch batch;
    private bool disposed;

    public LlamaBatchBuffer(int capacity)
    {
        Capacity = capacity;
        batch = LlamaNative.BatchInit(capacity, 0, 1);
    }

    ~LlamaBatchBuffer() => Free();

    public int Capacity { get; }

    public int Count => batch.TokenCount;

    public LlamaBatch Native => batch;

    public void Clear() => batch.TokenCount = 0;

    /// <summary>Appends a token of one sequence; returns its output index when logits are requested.</summary>
    public int Add(int token, int position, int sequenceId, bool logits)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var index = batch.TokenCount;
        if (index >= Capacity)
        {
            throw new InvalidOperationException($"The batch is full ({Capacity} tokens).");
        }

        batch.Token[index] = token;
        batch.Position[index] = position;
        batch.SequenceIdCount[index] = 1;
        batch.SequenceId[index][0] = sequenceId;
        batch.Logits[index] = logits ? (sbyte)1 : (sbyte)0;
        batch.TokenCount = index + 1;
        return index;
    }

    public void Dispose()
    {
        Free();
        GC.SuppressFinalize(this);
    }

    private void Free()
    {
        if (!disposed)
        {
            disposed = true;
            LlamaNative.BatchFree(batch);
        }
    }
}
