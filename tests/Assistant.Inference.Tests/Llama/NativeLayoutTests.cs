using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Assistant.Inference.Llama.Native;

namespace Assistant.Inference.Tests.Llama;

public class NativeLayoutTests
{
    public NativeLayoutTests() => LlamaRuntime.Initialize(new LlamaRuntimeOptions { Backend = LlamaBackend.Cpu });

    [Fact]
    public void Struct_sizes_match_llama_h_on_x86_64()
    {
        Assert.Equal(80, Unsafe.SizeOf<LlamaModelParams>());
        Assert.Equal(160, Unsafe.SizeOf<LlamaContextParams>());
        Assert.Equal(56, Unsafe.SizeOf<LlamaBatch>());
        Assert.Equal(1, Unsafe.SizeOf<LlamaSamplerChainParams>());
        Assert.Equal(16, Unsafe.SizeOf<LlamaChatMessage>());
        Assert.Equal(64, Unsafe.SizeOf<LlamaModelQuantizeParams>());
        Assert.Equal(Unsafe.SizeOf<LlamaContextParams>(), Marshal.SizeOf<LlamaContextParams>());
        Assert.Equal(Unsafe.SizeOf<LlamaModelParams>(), Marshal.SizeOf<LlamaModelParams>());
    }

    [Fact]
    public unsafe void Model_default_params_returned_by_value_land_in_the_right_fields()
    {
        var parameters = LlamaNative.ModelDefaultParams();

        Assert.Equal(-1, parameters.GpuLayerCount);
        Assert.Equal(1, parameters.SplitMode); // LLAMA_SPLIT_MODE_LAYER
        Assert.Equal(-1, parameters.LoadMode); // LLAMA_LOAD_MODE_AUTO
        Assert.Equal(1, parameters.LazyMode); // LLAMA_LAZY_MODE_AUTO
        Assert.Equal(0, parameters.MainGpu);
        Assert.True(parameters.TensorSplit is null);
        Assert.Equal(0, parameters.KvOverrides);
        Assert.Equal([0, 0, 1, 0, 0, 0], new[]
        {
            parameters.VocabOnly, parameters.CheckTensors, parameters.UseExtraBufferTypes,
            parameters.NoHost, parameters.NoAlloc, parameters.LoadMtp,
        });
    }

    [Fact]
    public unsafe void Context_default_params_returned_by_value_land_in_the_right_fields()
    {
        var parameters = LlamaNative.ContextDefaultParams();

        Assert.Equal(512u, parameters.ContextSize);
        Assert.Equal(2048u, parameters.BatchSize);
        Assert.Equal(512u, parameters.MicroBatchSize);
        Assert.Equal(1u, parameters.MaxSequences);
        Assert.Equal(1u, parameters.MaxOutputsPerSequence);
        Assert.Equal(-1, parameters.FlashAttentionType); // LLAMA_FLASH_ATTN_TYPE_AUTO
        Assert.Equal(-1f, parameters.YarnExtFactor);
        Assert.Equal(-1f, parameters.DefragThreshold);
        Assert.Equal(1, parameters.TypeK); // GGML_TYPE_F16
        Assert.Equal(1, parameters.TypeV);
        Assert.True(parameters.AbortCallback is null);
        Assert.Equal([0, 1, 1, 1, 1, 0], new[]
        {
            parameters.Embeddings, parameters.OffloadKqv, parameters.NoPerf,
            parameters.OpOffload, parameters.SwaFull, parameters.KvUnified,
        });
        Assert.Equal(0, parameters.Samplers);
        Assert.Equal(0u, parameters.SamplerCount);
        Assert.Equal(0, parameters.ContextOther);
    }

    [Fact]
    public void Quantize_default_params_returned_by_value_land_in_the_right_fields()
    {
        var parameters = LlamaNative.ModelQuantizeDefaultParams();

        Assert.Equal(0, parameters.ThreadCount);
        Assert.Equal(7, parameters.FileType); // LLAMA_FTYPE_MOSTLY_Q8_0
        Assert.Equal(43, parameters.OutputTensorType); // GGML_TYPE_COUNT: not set
        Assert.Equal(43, parameters.TokenEmbeddingType);
        Assert.Equal([0, 1, 0, 0, 0, 0], new[]
        {
            parameters.AllowRequantize, parameters.QuantizeOutputTensor, parameters.OnlyCopy,
            parameters.Pure, parameters.KeepSplit, parameters.DryRun,
        });
        Assert.Equal(0, parameters.PruneLayers);
        Assert.Equal(8ul << 30, (ulong)parameters.MaxBufferSize);
    }

    [Fact]
    public void Sampler_chain_default_params_skip_performance_timings()
    {
        Assert.Equal(1, LlamaNative.SamplerChainDefaultParams().NoPerf);
    }

    [Fact]
    public void Batch_allocated_by_llama_has_every_array_where_the_layout_expects_it()
    {
        var batch = LlamaNative.BatchInit(8, 0, 2);
        try
        {
            unsafe
            {
                Assert.Equal(0, batch.TokenCount);
                Assert.True(batch.Token is not null);
                Assert.True(batch.Embedding is null);
                Assert.True(batch.Position is not null);
                Assert.True(batch.SequenceIdCount is not null);
                Assert.True(batch.SequenceId is not null);
                Assert.True(batch.Logits is not null);
                Assert.True(batch.SequenceId[0] is not null);
                Assert.True(batch.SequenceId[8] is null); // llama_batch_init null-terminates seq_id
            }
        }
        finally
        {
            LlamaNative.BatchFree(batch);
        }
    }
}
