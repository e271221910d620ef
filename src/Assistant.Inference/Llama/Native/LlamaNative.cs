using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Assistant.Inference.Llama.Native;

/// <summary>
/// P/Invoke entry points of libllama and libggml. Library names are logical: <see cref="LlamaRuntime"/>
/// resolves them to the files of the selected backend.
/// </summary>
internal static unsafe partial class LlamaNative
{
    public const string LlamaLibrary = "llama";
    public const string GgmlLibrary = "ggml";

    [LibraryImport(GgmlLibrary, EntryPoint = "ggml_backend_load_all_from_path", StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void GgmlBackendLoadAllFromPath(string directory);

    [LibraryImport(GgmlLibrary, EntryPoint = "ggml_backend_dev_count")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial nuint GgmlBackendDeviceCount();

    [LibraryImport(GgmlLibrary, EntryPoint = "ggml_backend_dev_by_type")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial nint GgmlBackendDeviceByType(int type);

    public const int GgmlDeviceTypeGpu = 1;

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_backend_init")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void BackendInit();

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_log_set")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void LogSet(delegate* unmanaged[Cdecl]<int, byte*, nint, void> callback, nint userData);

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_print_system_info")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial byte* PrintSystemInfo();

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_model_default_params")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial LlamaModelParams ModelDefaultParams();

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_context_default_params")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial LlamaContextParams ContextDefaultParams();

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_sampler_chain_default_params")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial LlamaSamplerChainParams SamplerChainDefaultParams();

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_model_load_from_file", StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial SafeLlamaModelHandle ModelLoadFromFile(string path, LlamaModelParams parameters);

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_model_free")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void ModelFree(nint model);

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_model_get_vocab")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial nint ModelGetVocab(SafeLlamaModelHandle model);

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_model_chat_template")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial byte* ModelChatTemplate(SafeLlamaModelHandle model, byte* name);

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_model_n_ctx_train")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int ModelTrainingContextSize(SafeLlamaModelHandle model);

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_model_n_params")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial ulong ModelParameterCount(SafeLlamaModelHandle model);

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_model_size")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial ulong ModelSize(SafeLlamaModelHandle model);

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_init_from_model")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial SafeLlamaContextHandle InitFromModel(SafeLlamaModelHandle model, LlamaContextParams parameters);

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_free")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void Free(nint context);

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_n_ctx")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial uint ContextSize(SafeLlamaContextHandle context);

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_n_ctx_seq")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial uint SequenceContextSize(SafeLlamaContextHandle context);

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_n_batch")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial uint BatchSize(SafeLlamaContextHandle context);

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_get_memory")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial nint GetMemory(SafeLlamaContextHandle context);

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_memory_seq_rm")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool MemorySequenceRemove(nint memory, int sequenceId, int p0, int p1);

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_memory_seq_pos_max")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int MemorySequencePositionMax(nint memory, int sequenceId);

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_set_abort_callback")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void SetAbortCallback(SafeLlamaContextHandle context, delegate* unmanaged[Cdecl]<nint, byte> callback, nint data);

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_batch_init")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial LlamaBatch BatchInit(int tokenCount, int embedding, int maxSequences);

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_batch_free")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void BatchFree(LlamaBatch batch);

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_decode")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int Decode(SafeLlamaContextHandle context, LlamaBatch batch);

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_vocab_n_tokens")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int VocabTokenCount(nint vocab);

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_vocab_is_eog")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool VocabIsEndOfGeneration(nint vocab, int token);

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_vocab_bos")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int VocabBos(nint vocab);

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_tokenize")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int Tokenize(
        nint vocab, byte* text, int textLength, int* tokens, int maxTokens,
        [MarshalAs(UnmanagedType.U1)] bool addSpecial, [MarshalAs(UnmanagedType.U1)] bool parseSpecial);

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_token_to_piece")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int TokenToPiece(
        nint vocab, int token, byte* buffer, int length, int leftStrip, [MarshalAs(UnmanagedType.U1)] bool special);

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_detokenize")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int Detokenize(
        nint vocab, int* tokens, int tokenCount, byte* text, int maxLength,
        [MarshalAs(UnmanagedType.U1)] bool removeSpecial, [MarshalAs(UnmanagedType.U1)] bool unparseSpecial);

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_chat_apply_template")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int ChatApplyTemplate(
        byte* template, LlamaChatMessage* messages, nuint messageCount,
        [MarshalAs(UnmanagedType.U1)] bool addAssistant, byte* buffer, int length);

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_sampler_chain_init")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial SafeLlamaSamplerHandle SamplerChainInit(LlamaSamplerChainParams parameters);

    /// <summary>Adds <paramref name="sampler"/> to the chain, which then owns and frees it.</summary>
    [LibraryImport(LlamaLibrary, EntryPoint = "llama_sampler_chain_add")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void SamplerChainAdd(SafeLlamaSamplerHandle chain, nint sampler);

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_sampler_free")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void SamplerFree(nint sampler);

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_sampler_sample")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int SamplerSample(SafeLlamaSamplerHandle sampler, SafeLlamaContextHandle context, int index);

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_sampler_init_greedy")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial nint SamplerInitGreedy();

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_sampler_init_dist")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial nint SamplerInitDistribution(uint seed);

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_sampler_init_top_k")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial nint SamplerInitTopK(int k);

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_sampler_init_top_p")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial nint SamplerInitTopP(float p, nuint minKeep);

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_sampler_init_min_p")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial nint SamplerInitMinP(float p, nuint minKeep);

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_sampler_init_temp")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial nint SamplerInitTemperature(float temperature);

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_sampler_init_grammar", StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial nint SamplerInitGrammar(nint vocab, string grammar, string root);

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_sampler_init_penalties")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial nint SamplerInitPenalties(int vocabSize, int lastN, float repeat, float frequency, float presence);

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_model_quantize_default_params")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial LlamaModelQuantizeParams ModelQuantizeDefaultParams();

    [LibraryImport(LlamaLibrary, EntryPoint = "llama_model_quantize", StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial uint ModelQuantize(string input, string output, LlamaModelQuantizeParams* parameters);
}
