using System.Text;
using Assistant.Inference.Llama.Gguf;

namespace Assistant.Inference.Tests.Embeddings;

/// <summary>A small unigram vocabulary written as GGUF, so embedding tests run without ../shared.</summary>
internal static class TinyVocabulary
{
    public const int Start = 0;
    public const int Padding = 1;
    public const int End = 2;

    private static readonly string[] Words = ["▁закон", "▁статья", "▁налог", "▁query", "▁passage", "▁the", "▁law"];

    public static string[] Pieces { get; } =
    [
        "<s>", "<pad>", "</s>", "<unk>", "▁", ":", ".", ",",
        .. Enumerable.Range('a', 26).Select(letter => ((char)letter).ToString()),
        .. Enumerable.Range('а', 32).Select(letter => ((char)letter).ToString()),
        .. Enumerable.Range('0', 10).Select(digit => ((char)digit).ToString()),
        .. Words,
    ];

    public static void Write(string path)
    {
        var scores = Pieces.Select((piece, id) => id < 4 ? 0f : Words.Contains(piece) ? -6f : -10f - (id % 5)).ToArray();
        var types = Pieces.Select((_, id) => id == 3 ? 2 : id < 3 ? 3 : 1).ToArray();
        var writer = new GgufWriter();
        writer.AddString("general.architecture", "tiny");
        writer.AddString("tokenizer.ggml.model", "t5");
        writer.AddRaw("tokenizer.ggml.tokens", StringArray(Pieces));
        writer.AddRaw("tokenizer.ggml.scores", FixedArray(GgufMetadata.TypeFloat32, scores.SelectMany(BitConverter.GetBytes)));
        writer.AddRaw("tokenizer.ggml.token_type", FixedArray(GgufMetadata.TypeInt32, types.SelectMany(BitConverter.GetBytes)));
        writer.AddUInt32("tokenizer.ggml.bos_token_id", Start);
        writer.AddUInt32("tokenizer.ggml.eos_token_id", End);
        writer.AddUInt32("tokenizer.ggml.unknown_token_id", 3);
        writer.AddUInt32("tokenizer.ggml.padding_token_id", Padding);
        writer.AddRaw("tokenizer.ggml.add_bos_token", Bool(true));
        writer.AddRaw("tokenizer.ggml.add_eos_token", Bool(true));
        writer.Write(path);
    }

    private static byte[] Bool(bool value) => [.. BitConverter.GetBytes(GgufMetadata.TypeBool), value ? (byte)1 : (byte)0];

    private static byte[] StringArray(string[] values) =>
    [
        .. Header(GgufMetadata.TypeString, values.Length),
        .. values.SelectMany(value => BitConverter.GetBytes((ulong)Encoding.UTF8.GetByteCount(value)).Concat(Encoding.UTF8.GetBytes(value))),
    ];

    private static byte[] FixedArray(int elementType, IEnumerable<byte> payload)
    {
        var bytes = payload.ToArray();
        return [.. Header(elementType, bytes.Length / 4), .. bytes];
    }

    private static byte[] Header(int elementType, int count) =>
        [.. BitConverter.GetBytes(GgufMetadata.TypeArray), .. BitConverter.GetBytes(elementType), .. BitConverter.GetBytes((ulong)count)];
}
