using System.Globalization;

namespace Assistant.Inference.Llama.Gguf;

/// <summary>
/// Writes llama-architecture GGUF models of any shape with a real tokenizer copied from a vocab GGUF and seeded
/// random weights: speed depends on shape, not on what the weights learned, so tests and benchmarks use them.
/// </summary>
public static class SyntheticLlamaModel
{
    /// <summary>The Llama-3 chat template, which llama.cpp recognises by its header tokens.</summary>
    public const string Llama3ChatTemplate =
        "{% set loop_messages = messages %}{% for message in loop_messages %}{% set content = '<|start_header_id|>' + message['role'] + '<|end_header_id|>\n\n'+ message['content'] | trim + '<|eot_id|>' %}{% if loop.index0 == 0 %}{% set content = bos_token + content %}{% endif %}{{ content }}{% endfor %}{% if add_generation_prompt %}{{ '<|start_header_id|>assistant<|end_header_id|>\n\n' }}{% endif %}";

    /// <summary>Writes the model to <paramref name="path"/>.</summary>
    /// <param name="vocabularyPath">A GGUF whose tokenizer.* metadata is copied (e.g. ggml-vocab-llama-bpe.gguf).</param>
    /// <param name="chatTemplate">Stored as tokenizer.chat_template unless the vocabulary brings one.</param>
    public static void Write(
        string path,
        LlamaModelShape shape,
        string vocabularyPath,
        GgufTensorType type = GgufTensorType.F16,
        int seed = 1,
        string? chatTemplate = Llama3ChatTemplate,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var vocabulary = GgufMetadata.Read(vocabularyPath);
        var tokenCount = vocabulary.ArrayLength("tokenizer.ggml.tokens")
            ?? throw new InvalidDataException($"'{vocabularyPath}' has no tokenizer.ggml.tokens.");

        var writer = new GgufWriter();
        writer.AddString("general.architecture", "llama");
        writer.AddString("general.name", string.Create(CultureInfo.InvariantCulture, $"synthetic-llama-{shape.Layers}x{shape.EmbeddingSize}"));
        writer.AddUInt32("general.file_type", type == GgufTensorType.F16 ? 1u : 0u);
        writer.AddUInt32("llama.block_count", (uint)shape.Layers);
        writer.AddUInt32("llama.context_length", (uint)shape.ContextLength);
        writer.AddUInt32("llama.embedding_length", (uint)shape.EmbeddingSize);
        writer.AddUInt32("llama.feed_forward_length", (uint)shape.FeedForwardSize);
        writer.AddUInt32("llama.attention.head_count", (uint)shape.Heads);
        writer.AddUInt32("llama.attention.head_count_kv", (uint)shape.KeyValueHeads);
        writer.AddUInt32("llama.rope.dimension_count", (uint)shape.HeadSize);
        writer.AddUInt32("llama.vocab_size", (uint)tokenCount);
        writer.AddFloat32("llama.rope.freq_base", shape.RopeFrequencyBase);
        writer.AddFloat32("llama.attention.layer_norm_rms_epsilon", shape.RmsNormEpsilon);
        foreach (var (key, value) in vocabulary.Entries.Where(entry => entry.Key.StartsWith("tokenizer.", StringComparison.Ordinal)))
        {
            writer.AddRaw(key, value);
        }

        if (chatTemplate is not null && vocabulary.Find("tokenizer.chat_template") is null)
        {
            writer.AddString("tokenizer.chat_template", chatTemplate);
        }

        long d = shape.EmbeddingSize;
        long kv = (long)shape.HeadSize * shape.KeyValueHeads;
        var random = new WeightRandom(seed);
        var scale = 1f / MathF.Sqrt(shape.EmbeddingSize);
        writer.AddTensor("token_embd.weight", [d, tokenCount], type, random.Filler(1f));
        for (var layer = 0; layer < shape.Layers; layer++)
        {
            var prefix = string.Create(CultureInfo.InvariantCulture, $"blk.{layer}.");
            writer.AddTensor(prefix + "attn_norm.weight", [d], GgufTensorType.F32, Ones);
            writer.AddTensor(prefix + "attn_q.weight", [d, d], type, random.Filler(scale));
            writer.AddTensor(prefix + "attn_k.weight", [d, kv], type, random.Filler(scale));
            writer.AddTensor(prefix + "attn_v.weight", [d, kv], type, random.Filler(scale));
            writer.AddTensor(prefix + "attn_output.weight", [d, d], type, random.Filler(scale));
            writer.AddTensor(prefix + "ffn_norm.weight", [d], GgufTensorType.F32, Ones);
            writer.AddTensor(prefix + "ffn_gate.weight", [d, shape.FeedForwardSize], type, random.Filler(scale));
            writer.AddTensor(prefix + "ffn_up.weight", [d, shape.FeedForwardSize], type, random.Filler(scale));
            writer.AddTensor(prefix + "ffn_down.weight", [shape.FeedForwardSize, d], type, random.Filler(1f / MathF.Sqrt(shape.FeedForwardSize)));
        }

        writer.AddTensor("output_norm.weight", [d], GgufTensorType.F32, Ones);
        writer.AddTensor("output.weight", [d, tokenCount], type, random.Filler(scale));
        writer.Write(path, cancellationToken);
    }

    private static void Ones(Span<float> values) => values.Fill(1f);

    // xorshift-based uniform weights in [-scale, scale]: fast enough to write gigabytes, and reproducible.
    private sealed class WeightRandom(int seed)
    {
        private ulong state = (ulong)seed * 0x9E3779B97F4A7C15ul | 1;

        public Action<Span<float>> Filler(float scale) => values =>
        {
            for (var i = 0; i < values.Length; i++)
            {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                values[i] = (((state >> 40) * (1f / (1 << 24))) * 2f - 1f) * scale;
            }
        };
    }
}
