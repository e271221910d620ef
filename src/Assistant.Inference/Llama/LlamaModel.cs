using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Assistant.Inference.Llama.Native;
using Microsoft.Extensions.Logging;

namespace Assistant.Inference.Llama;

/// <summary>A loaded GGUF model and its vocabulary: tokenization, detokenization and chat templates.</summary>
public sealed unsafe class LlamaModel : IDisposable
{
    private readonly nint vocab;

    private LlamaModel(SafeLlamaModelHandle handle, string path)
    {
        Handle = handle;
        Path = path;
        vocab = LlamaNative.ModelGetVocab(handle);
        VocabularySize = LlamaNative.VocabTokenCount(vocab);
        ChatTemplate = Marshal.PtrToStringUTF8((nint)LlamaNative.ModelChatTemplate(handle, null));
    }

    /// <summary>The file the model was loaded from.</summary>
    public string Path { get; }

    /// <summary>Number of tokens in the vocabulary.</summary>
    public int VocabularySize { get; }

    /// <summary>The model's own chat template (from GGUF metadata), or null when it has none.</summary>
    public string? ChatTemplate { get; }

    /// <summary>Number of weights.</summary>
    public long ParameterCount => (long)LlamaNative.ModelParameterCount(Handle);

    /// <summary>Total size of the weights in bytes.</summary>
    public long SizeInBytes => (long)LlamaNative.ModelSize(Handle);

    /// <summary>The context length the model was trained with.</summary>
    public int TrainingContextSize => LlamaNative.ModelTrainingContextSize(Handle);

    internal SafeLlamaModelHandle Handle { get; }

    internal nint Vocab => vocab;

    /// <summary>
    /// Loads a model, initializing <see cref="LlamaRuntime"/> with auto-detection if nothing did before.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="LlamaException">llama.cpp could not load it (not a GGUF model, unsupported, truncated).</exception>
    /// <exception cref="OperationCanceledException">Loading was cancelled.</exception>
    public static LlamaModel Load(LlamaModelOptions options, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = System.IO.Path.GetFullPath(options.Path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The model file '{path}' does not exist.", path);
        }

        LlamaRuntime.Initialize(loggerFactory: loggerFactory);
        cancellationToken.ThrowIfCancellationRequested();

        var parameters = LlamaNative.ModelDefaultParams();
        parameters.GpuLayerCount = options.GpuLayers;
        parameters.LoadMode = options.UseMemoryMap ? LlamaLoadMode.Mmap : LlamaLoadMode.None;
        parameters.VocabOnly = options.VocabOnly ? (byte)1 : (byte)0;

        var progress = new LoadProgress(options.Progress, cancellationToken);
        var progressHandle = GCHandle.Alloc(progress);
        try
        {
            parameters.ProgressCallback = &OnProgress;
            parameters.ProgressCallbackUserData = GCHandle.ToIntPtr(progressHandle);
            LlamaLogBridge.TakeLastError();
            var handle = LlamaNative.ModelLoadFromFile(path, parameters);
            if (handle.IsInvalid)
            {
                handle.Dispose();
                cancellationToken.ThrowIfCancellationRequested();
                var reason = LlamaLogBridge.TakeLastError() ?? "llama.cpp logged no reason";
                throw new LlamaException($"Failed to load the model '{path}': {reason}.");
            }

            return new LlamaModel(handle, path);
        }
        finally
        {
            progressHandle.Free();
        }
    }

    /// <summary>Splits text into tokens.</summary>
    /// <param name="addSpecial">Add BOS/EOS as the model's tokenizer is configured to.</param>
    /// <param name="parseSpecial">Treat special-token text (e.g. "&lt;|eot_id|&gt;") as those tokens, as chat prompts need.</param>
    public int[] Tokenize(string text, bool addSpecial = true, bool parseSpecial = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var utf8 = Encoding.UTF8.GetBytes(text);
        var capacity = utf8.Length + 8;
        while (true)
        {
            var tokens = new int[capacity];
            int count;
            fixed (byte* textPointer = utf8)
            fixed (int* tokenPointer = tokens)
            {
                count = LlamaNative.Tokenize(vocab, textPointer, utf8.Length, tokenPointer, capacity, addSpecial, parseSpecial);
            }

            if (count == int.MinValue)
            {
                throw new LlamaException("The text is too long to tokenize.");
            }

            if (count >= 0)
            {
                return count == capacity ? tokens : tokens[..count];
            }

            capacity = -count;
        }
    }

    /// <summary>Joins tokens back into text.</summary>
    /// <param name="removeSpecial">Drop the BOS/EOS the tokenizer adds.</param>
    /// <param name="renderSpecial">Render special tokens as their text.</param>
    public string Detokenize(ReadOnlySpan<int> tokens, bool removeSpecial = false, bool renderSpecial = false)
    {
        var capacity = (tokens.Length * 8) + 16;
        while (true)
        {
            var buffer = new byte[capacity];
            int length;
            fixed (int* tokenPointer = tokens)
            fixed (byte* bufferPointer = buffer)
            {
                length = LlamaNative.Detokenize(vocab, tokenPointer, tokens.Length, bufferPointer, capacity, removeSpecial, renderSpecial);
            }

            if (length >= 0)
            {
                return Encoding.UTF8.GetString(buffer, 0, length);
            }

            capacity = -length;
        }
    }

    /// <summary>Whether the token ends generation (EOS, EOT and the like).</summary>
    public bool IsEndOfGeneration(int token) => LlamaNative.VocabIsEndOfGeneration(vocab, token);

    /// <summary>
    /// Formats a conversation with the model's own chat template (ChatML when the model has none).
    /// </summary>
    /// <param name="addAssistant">End with the tokens that open the assistant's reply.</param>
    /// <exception cref="LlamaException">llama.cpp does not support the model's template.</exception>
    public string ApplyChatTemplate(IReadOnlyList<LlamaChatTurn> messages, bool addAssistant = true)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var strings = new List<nint>(messages.Count * 2 + 1);
        try
        {
            var native = new LlamaChatMessage[messages.Count];
            var length = 64;
            for (var i = 0; i < messages.Count; i++)
            {
                native[i].Role = Utf8(strings, messages[i].Role);
                native[i].Content = Utf8(strings, messages[i].Content);
                length += (messages[i].Role.Length + messages[i].Content.Length) * 4;
            }

            var template = ChatTemplate is null ? null : Utf8(strings, ChatTemplate);
            while (true)
            {
                var buffer = new byte[length];
                int written;
                fixed (LlamaChatMessage* messagePointer = native)
                fixed (byte* bufferPointer = buffer)
                {
                    written = LlamaNative.ChatApplyTemplate(template, messagePointer, (nuint)native.Length, addAssistant, bufferPointer, length);
                }

                if (written < 0)
                {
                    throw new LlamaException($"llama.cpp does not support the chat template of '{Path}'.");
                }

                if (written <= length)
                {
                    return Encoding.UTF8.GetString(buffer, 0, written);
                }

                length = written;
            }
        }
        finally
        {
            foreach (var pointer in strings)
            {
                Marshal.FreeCoTaskMem(pointer);
            }
        }
    }

    /// <summary>Writes the bytes of one token's text (special tokens not rendered) and returns their count.</summary>
    internal int TokenToPiece(int token, Span<byte> destination)
    {
        fixed (byte* pointer = destination)
        {
            var length = LlamaNative.TokenToPiece(vocab, token, pointer, destination.Length, 0, special: false);
            if (length < 0)
            {
                throw new LlamaException($"Token {token} needs {-length} bytes, more than the {destination.Length} available.");
            }

            return length;
        }
    }

    public void Dispose() => Handle.Dispose();

    private static byte* Utf8(List<nint> owned, string text)
    {
        var pointer = Marshal.StringToCoTaskMemUTF8(text);
        owned.Add(pointer);
        return (byte*)pointer;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static byte OnProgress(float value, nint userData)
    {
        var progress = (LoadProgress)GCHandle.FromIntPtr(userData).Target!;
        return progress.Report(value) ? (byte)1 : (byte)0;
    }

    private sealed class LoadProgress(IProgress<float>? target, CancellationToken cancellationToken)
    {
        public bool Report(float value)
        {
            try
            {
                target?.Report(value);
            }
#pragma warning disable CA1031 // A progress sink must not unwind into native code; it only loses its report.
            catch (Exception)
#pragma warning restore CA1031
            {
            }

            return !cancellationToken.IsCancellationRequested;
        }
    }
}
