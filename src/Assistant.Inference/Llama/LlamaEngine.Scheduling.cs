using LLama.Native;
using Microsoft.Extensions.Logging;

namespace Assistant.Inference.Llama;

// The decode loop: admits queued requests into free sequences, builds one batch per step, samples each request.
public sealed partial class LlamaEngine
{
    private readonly byte[] piece = new byte[256];

    private async Task RunLoopAsync()
    {
        try
        {
            while (true)
            {
                Admit();
                if (Array.TrueForAll(slots, job => job is null))
                {
                    if (!await queue.Reader.WaitToReadAsync(stopping.Token).ConfigureAwait(false))
                    {
                        return;
                    }

                    continue;
                }

                try
                {
                    Step();
                }
#pragma warning disable CA1031 // A failed step fails its requests; the loop must keep serving the others.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    LogStepFailed(logger, exception);
                    FailActive(exception);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        finally
        {
            var disposedError = new ObjectDisposedException(nameof(LlamaEngine));
            FailActive(disposedError);
            while (queue.Reader.TryRead(out var job))
            {
                job.Output.Writer.TryComplete(disposedError);
                job.Dispose();
            }
        }
    }

    private void Admit()
    {
        while (Array.IndexOf(slots, null) >= 0 && queue.Reader.TryRead(out var job))
        {
            if (job.IsCancelled)
            {
                job.Output.Writer.TryComplete(new OperationCanceledException(job.CancellationToken));
                job.Dispose();
                continue;
            }

            var (sequence, reused) = ChooseSequence(job.PromptTokens);
            context.MemorySequenceRemove((LLamaSeqId)sequence, reused, -1);

            cachedPrompts[sequence] = null;
            job.SequenceId = sequence;
            job.PromptOffset = reused;
            job.Position = reused;
            job.ReusedPromptTokenCount = reused;
            slots[sequence] = job;
        }
    }

    // The free sequence whose cached prompt shares the longest prefix with this one (e.g. the same system
    // prompt); at least the last prompt token is always decoded again, since its logits start generation.
    private (int Sequence, int Reused) ChooseSequence(int[] prompt)
    {
        var best = (Sequence: -1, Reused: -1);
        for (var sequence = 0; sequence < slots.Length; sequence++)
        {
            if (slots[sequence] is not null)
            {
                continue;
            }

            var cached = cachedPrompts[sequence];
            var common = cached is null ? 0 : cached.AsSpan().CommonPrefixLength(prompt);
            common = Math.Min(common, prompt.Length - 1);
            if (common > best.Reused)
            {
                best = (sequence, common);
            }
        }

        return best;
    }

    private void Step()
    {
        foreach (var job in slots)
        {
            if (job is { IsCancelled: true })
            {
                Complete(job, new OperationCanceledException(job.CancellationToken));
            }
        }

        inBatch.Clear();
        var batch = Array.Exists(slots, job => job is { IsPromptDone: false }) ? promptBatch : generationBatch;
        batch.Clear();

        // Generating requests first, one token each, so prompt processing never stalls their streams.
        foreach (var job in slots)
        {
            if (job is { IsPromptDone: true })
            {
                job.OutputIndex = batch.Add(job.PendingToken, job.Position++, (LLamaSeqId)job.SequenceId, logits: true);
                inBatch.Add(job);
            }
        }

        foreach (var job in slots)
        {
            if (job is null || job.IsPromptDone || batch.TokenCount == batchCapacity)
            {
                continue;
            }

            var count = Math.Min(job.PromptTokens.Length - job.PromptOffset, batchCapacity - batch.TokenCount);
            job.OutputIndex = -1;
            for (var i = 0; i < count; i++)
            {
                var last = job.PromptOffset + 1 == job.PromptTokens.Length;
                var index = batch.Add(job.PromptTokens[job.PromptOffset++], job.Position++, (LLamaSeqId)job.SequenceId, logits: last);
                if (last)
                {
                    job.OutputIndex = index;
                }
            }

            inBatch.Add(job);
        }

        if (batch.TokenCount == 0)
        {
            return;
        }

        var result = context.Decode(batch);
        if (result != DecodeResult.Ok)
        {
            Exception? error = result == DecodeResult.ComputeAborted
                ? null
                : new LlamaException($"llama_decode failed with code {(int)result}{(result == DecodeResult.NoKvSlot ? " (no room left in the KV cache)" : string.Empty)}.");
            foreach (var job in inBatch)
            {
                Complete(job, error ?? new OperationCanceledException(job.CancellationToken));
            }

            return;
        }

        foreach (var job in inBatch)
        {
            if (job.OutputIndex >= 0)
            {
                SampleNext(job);
            }
        }
    }

    private void SampleNext(GenerationJob job)
    {
        if (job.IsCancelled)
        {
            Complete(job, new OperationCanceledException(job.CancellationToken));
            return;
        }

        var token = job.Sampler.Sample(context, job.OutputIndex);
        if (!job.Request.IgnoreEndOfGeneration && Model.IsEndOfGeneration(token))
        {
            Finish(job, LlamaFinishReason.Stop);
            return;
        }

        job.GeneratedTokenCount++;
        Interlocked.Increment(ref generatedTokens);
        var text = job.Text.Append(piece.AsSpan(0, Model.TokenToPiece(token, piece)));
        if (text.Length > 0)
        {
            job.Output.Writer.TryWrite(new LlamaGenerationUpdate(text, job.PromptTokens.Length, job.GeneratedTokenCount, null)
            {
                ReusedPromptTokenCount = job.ReusedPromptTokenCount,
            });
        }

        if (job.Text.Stopped)
        {
            Finish(job, LlamaFinishReason.Stop);
        }
        else if (job.GeneratedTokenCount >= job.Request.MaxTokens || job.Position >= SequenceContextSize)
        {
            Finish(job, LlamaFinishReason.Length);
        }
        else
        {
            job.PendingToken = token;
        }
    }

    private void Finish(GenerationJob job, LlamaFinishReason reason)
    {
        var tail = job.Text.Flush();
        job.Output.Writer.TryWrite(new LlamaGenerationUpdate(tail, job.PromptTokens.Length, job.GeneratedTokenCount, reason)
        {
            ReusedPromptTokenCount = job.ReusedPromptTokenCount,
        });
        Complete(job, error: null);
    }

    private void FailActive(Exception error)
    {
        foreach (var job in slots)
        {
            if (job is not null)
            {
                Complete(job, error);
            }
        }
    }

    // Ends a request: completes its stream and frees its sequence for the next request. After a normal end the
    // prompt's KV cells stay, so a following request with the same prefix (a system prompt) skips decoding it.
    private void Complete(GenerationJob job, Exception? error)
    {
        if (job.SequenceId < 0 || !ReferenceEquals(slots[job.SequenceId], job))
        {
            return;
        }

        job.Output.Writer.TryComplete(error);
        var keepPrompt = keepsPrompts && error is null && job.IsPromptDone;
        context.MemorySequenceRemove((LLamaSeqId)job.SequenceId, keepPrompt ? job.PromptTokens.Length : -1, -1);

        cachedPrompts[job.SequenceId] = keepPrompt ? job.PromptTokens : null;
        slots[job.SequenceId] = null;
        job.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A llama.cpp decode step failed; its requests were ended")]
    private static partial void LogStepFailed(ILogger logger, Exception exception);
}
