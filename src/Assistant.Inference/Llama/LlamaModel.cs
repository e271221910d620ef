using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using LLama.Exceptions;
using LLama.Native;
using Microsoft.Extensions.Logging;

namespace Assistant.Inference.Llama;

/// <summary>A loaded GGUF model and its vocabulary: tokenization, detokenization and chat templates.</summary>
public sealed class LlamaModel : IDisposable
{
    private readonly SafeLlamaModelHandle.Vocabulary vocab;
    private readonly bool addsSpacePrefix;
    private readonly bool cleansSpaces;

    private LlamaModel(SafeLlamaModelHandle handle, string path)
    {
        Handle = handle;
        Path = path;
        vocab = handle.Vocab;
        VocabularySize = vocab.Count;
        ChatTemplate = handle.GetTemplate(name: null, strict: false);

        // The flags llama_detokenize reads from the vocabulary (llama-vocab.cpp, load): LLamaSharp does not
        // expose it, so Detokenize applies them to the pieces of llama_token_to_piece itself.
        addsSpacePrefix = Metadata(handle, "tokenizer.ggml.add_space_prefix") is { } prefix
            ? string.Equals(prefix, "true", StringComparison.OrdinalIgnoreCase)
            : vocab.Type == LLamaVocabType.SentencePiece;
        cleansSpaces = vocab.Type switch
        {
            LLamaVocabType.WordPiece => true,
            LLamaVocabType.BytePairEncoding => Metadata(handle, "tokenizer.ggml.pre") is not ("deepseek-llm" or "deepseek-coder" or "deepseek-v3"),
            _ => false,
        };
    }

    /// <summary>The file the model was loaded from.</summary>
    public string Path { get; }

    /// <summary>Number of tokens in the vocabulary.</summary>
    public int VocabularySize { get; }

    /// <summary>The model's own chat template (from GGUF metadata), or null when it has none.</summary>
    public string? ChatTemplate { get; }

    /// <summary>Number of weights.</summary>
    public long ParameterCount => (long)Handle.ParameterCount;

    /// <summary>Total size of the weights in bytes.</summary>
    public long SizeInBytes => (long)Handle.SizeInBytes;

    /// <summary>The context length the model was trained with.</summary>
    public int TrainingContextSize => Handle.ContextSize;

    internal SafeLlamaModelHandle Handle { get; }

    /// <summary>
    /// Loads a model, initializing <see cref="LlamaRuntime"/> with the backend package's library if nothing did before.
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

        var parameters = LLamaModelParams.Default();
        parameters.n_gpu_layers = options.GpuLayers;
        parameters.load_mode = options.UseMemoryMap ? LLamaLoadMode.MemoryMap : LLamaLoadMode.None;
        parameters.vocab_only = options.VocabOnly;
        var progress = options.Progress;
        LlamaProgressCallback onProgress = (value, _) =>
        {
            try
            {
                progress?.Report(value);
            }
#pragma warning disable CA1031 // A progress sink must not unwind into native code; it only loses its report.
            catch (Exception)
#pragma warning restore CA1031
            {
            }

            return !cancellationToken.IsCancellationRequested;
        };
        parameters.progress_callback = onProgress;

        LlamaLog.TakeLastError();
        try
        {
            return new LlamaModel(SafeLlamaModelHandle.LoadFromFile(path, parameters), path);
        }
        catch (LoadWeightsFailedException exception)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new LlamaException($"Failed to load the model '{path}': {LlamaLog.TakeLastError() ?? "llama.cpp logged no reason"}.", exception);
        }
        finally
        {
            GC.KeepAlive(onProgress);
        }
    }

    /// <summary>Splits text into tokens.</summary>
    /// <param name="addSpecial">Add BOS/EOS as the model's tokenizer is configured to.</param>
    /// <param name="parseSpecial">Treat special-token text (e.g. "&lt;|eot_id|&gt;") as those tokens, as chat prompts need.</param>
    public int[] Tokenize(string text, bool addSpecial = true, bool parseSpecial = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = Handle.Tokenize(text, addSpecial, parseSpecial, Encoding.UTF8);
        return MemoryMarshal.Cast<LLamaToken, int>(tokens).ToArray();
    }

    /// <summary>Joins tokens back into text as llama_detokenize does.</summary>
    /// <param name="removeSpecial">Drop the BOS/EOS the tokenizer adds.</param>
    /// <param name="renderSpecial">Render special tokens as their text.</param>
    public string Detokenize(ReadOnlySpan<int> tokens, bool removeSpecial = false, bool renderSpecial = false)
    {
        var removeSpace = addsSpacePrefix;
        if (removeSpecial && vocab.ShouldAddBOS && tokens.Length > 0 && tokens[0] == vocab.BOS)
        {
            removeSpace = false;
            tokens = tokens[1..];
        }

        if (removeSpecial && vocab.ShouldAddEOS && tokens.Length > 0 && tokens[^1] == vocab.EOS)
        {
            tokens = tokens[..^1];
        }

        var text = new ArrayBufferWriter<byte>((tokens.Length * 8) + 16);
        foreach (var token in tokens)
        {
            text.Advance(AppendPiece(text, token, removeSpace, renderSpecial));
            removeSpace = false;
        }

        var bytes = text.WrittenSpan;
        return Encoding.UTF8.GetString(cleansSpaces ? CleanSpaces(bytes.ToArray()) : bytes);
    }

    /// <summary>Whether the token ends generation (EOS, EOT and the like).</summary>
    public bool IsEndOfGeneration(int token) => ((LLamaToken)token).IsEndOfGeneration(vocab);

    /// <summary>
    /// Formats a conversation with the model's own chat template (ChatML when the model has none).
    /// </summary>
    /// <param name="addAssistant">End with the tokens that open the assistant's reply.</param>
    /// <exception cref="LlamaException">llama.cpp does not support the model's template.</exception>
    public unsafe string ApplyChatTemplate(IReadOnlyList<LlamaChatTurn> messages, bool addAssistant = true)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var strings = new List<nint>((messages.Count * 2) + 1);
        try
        {
            var native = new LLamaChatMessage[messages.Count];
            var length = 64;
            for (var i = 0; i < messages.Count; i++)
            {
                native[i].role = Utf8(strings, messages[i].Role);
                native[i].content = Utf8(strings, messages[i].Content);
                length += (messages[i].Role.Length + messages[i].Content.Length) * 4;
            }

            var template = ChatTemplate is null ? null : Utf8(strings, ChatTemplate);
            while (true)
            {
                var buffer = new byte[length];
                int written;
                fixed (LLamaChatMessage* messagePointer = native)
                fixed (byte* bufferPointer = buffer)
                {
                    written = NativeApi.llama_chat_apply_template(template, messagePointer, (nuint)native.Length, addAssistant, bufferPointer, length);
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
        var length = (int)Handle.TokenToSpan(token, destination);
        if (length > destination.Length)
        {
            throw new LlamaException($"Token {token} needs {length} bytes, more than the {destination.Length} available.");
        }

        return length;
    }

    public void Dispose() => Handle.Dispose();

    private int AppendPiece(ArrayBufferWriter<byte> text, int token, bool removeSpace, bool renderSpecial)
    {
        var length = (int)Handle.TokenToSpan(token, text.GetSpan(64), removeSpace ? 1 : 0, renderSpecial);
        return length <= text.FreeCapacity
            ? length
            : (int)Handle.TokenToSpan(token, text.GetSpan(length), removeSpace ? 1 : 0, renderSpecial);
    }

    // clean_up_tokenization_spaces as llama_detokenize applies it: no space before ?!., and before 's 'm 're 've,
    // and none around a lone apostrophe.
    private static byte[] CleanSpaces(byte[] text)
    {
        var total = text.Length;
        var kept = total > 0 ? 1 : 0;
        for (var i = 1; i < total; i++)
        {
            var x = text[i];
            if (text[i - 1] == ' ' && x is (byte)'?' or (byte)'!' or (byte)'.' or (byte)',')
            {
                kept--;
            }

            text[kept++] = x;
        }

        total = kept;
        kept = total > 0 ? 1 : 0;
        for (var i = 1; i < total; i++)
        {
            var x = text[i];
            if (x == '\'' && i + 1 < total && text[i - 1] == ' ' && text[i + 1] == ' ')
            {
                kept--;
                text[++i] = 0;
            }

            text[kept++] = x;
        }

        total = kept;
        kept = total > 0 ? 1 : 0;
        for (var i = 1; i < total; i++)
        {
            var x = text[i];
            if (text[i - 1] == ' ' && x == '\'' && i + 1 < total)
            {
                var next = text[i + 1];
                var pair = i + 2 < total ? (next, text[i + 2]) : (next, (byte)0);
                if (next is (byte)'s' or (byte)'m' || pair is ((byte)'r', (byte)'e') or ((byte)'v', (byte)'e'))
                {
                    kept--;
                }
            }

            text[kept++] = x;
        }

        return text[..kept];
    }

    private static string? Metadata(SafeLlamaModelHandle handle, string key) =>
        handle.MetadataValueByKey(key) is { } value ? Encoding.UTF8.GetString(value.Span) : null;

    private static unsafe byte* Utf8(List<nint> owned, string text)
    {
        var pointer = Marshal.StringToCoTaskMemUTF8(text);
        owned.Add(pointer);
        return (byte*)pointer;
    }
}
