using System.Runtime.InteropServices;

namespace Assistant.Inference.Llama.Native;

// Layouts mirror include/llama.h of llama.cpp as shipped by node-llama-cpp 3.22.1 (release v0.5.0),
// field by field; C bool is one byte, enums are 32-bit ints.

/// <summary>struct llama_model_params (80 bytes on x86-64).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct LlamaModelParams
{
    public nint Devices;
    public nint TensorBufferTypeOverrides;
    public int GpuLayerCount;
    public int SplitMode;
    public int LoadMode;
    public int LazyMode;
    public int MainGpu;
    public float* TensorSplit;
    public delegate* unmanaged[Cdecl]<float, nint, byte> ProgressCallback;
    public nint ProgressCallbackUserData;
    public nint KvOverrides;
    public byte VocabOnly;
    public byte CheckTensors;
    public byte UseExtraBufferTypes;
    public byte NoHost;
    public byte NoAlloc;
    public byte LoadMtp;
}

/// <summary>llama_load_mode values.</summary>
internal static class LlamaLoadMode
{
    public const int None = 0;
    public const int Mmap = 1;
}

/// <summary>struct llama_context_params (160 bytes on x86-64).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct LlamaContextParams
{
    public uint ContextSize;
    public uint BatchSize;
    public uint MicroBatchSize;
    public uint MaxSequences;
    public uint RecurrentStateSnapshots;
    public uint MaxOutputs;
    public uint MaxOutputsPerSequence;
    public int Threads;
    public int BatchThreads;
    public int ContextType;
    public int RopeScalingType;
    public int PoolingType;
    public int AttentionType;
    public int FlashAttentionType;
    public float RopeFrequencyBase;
    public float RopeFrequencyScale;
    public float YarnExtFactor;
    public float YarnAttnFactor;
    public float YarnBetaFast;
    public float YarnBetaSlow;
    public uint YarnOriginalContext;
    public float DefragThreshold;
    public nint EvalCallback;
    public nint EvalCallbackUserData;
    public int TypeK;
    public int TypeV;
    public delegate* unmanaged[Cdecl]<nint, byte> AbortCallback;
    public nint AbortCallbackData;
    public byte Embeddings;
    public byte OffloadKqv;
    public byte NoPerf;
    public byte OpOffload;
    public byte SwaFull;
    public byte KvUnified;
    public nint Samplers;
    public nuint SamplerCount;
    public nint ContextOther;
}

/// <summary>struct llama_batch (56 bytes on x86-64).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct LlamaBatch
{
    public int TokenCount;
    public int* Token;
    public float* Embedding;
    public int* Position;
    public int* SequenceIdCount;
    public int** SequenceId;
    public sbyte* Logits;
}

/// <summary>struct llama_sampler_chain_params (1 byte).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LlamaSamplerChainParams
{
    public byte NoPerf;
}

/// <summary>struct llama_chat_message (16 bytes on x86-64): two UTF-8 C strings.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct LlamaChatMessage
{
    public byte* Role;
    public byte* Content;
}

/// <summary>struct llama_model_quantize_params (64 bytes on x86-64).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LlamaModelQuantizeParams
{
    public int ThreadCount;
    public int FileType;
    public int OutputTensorType;
    public int TokenEmbeddingType;
    public byte AllowRequantize;
    public byte QuantizeOutputTensor;
    public byte OnlyCopy;
    public byte Pure;
    public byte KeepSplit;
    public byte DryRun;
    public nint ImportanceMatrix;
    public nint KvOverrides;
    public nint TensorTypeOverrides;
    public nint PruneLayers;
    public nuint MaxBufferSize;
}
