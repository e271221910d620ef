using System.Text;

namespace Assistant.Inference.Llama.Gguf;

/// <summary>
/// The key/value metadata of a GGUF file, each value kept as its raw encoding (type tag and payload) so it can be
/// copied into another file unchanged, e.g. a tokenizer from a vocab-only GGUF.
/// </summary>
public sealed class GgufMetadata
{
    internal const uint Magic = 0x46554747; // "GGUF" little-endian
    internal const int TypeUInt8 = 0;
    internal const int TypeUInt32 = 4;
    internal const int TypeInt32 = 5;
    internal const int TypeFloat32 = 6;
    internal const int TypeBool = 7;
    internal const int TypeString = 8;
    internal const int TypeArray = 9;

    private static readonly int[] FixedSizes = [1, 1, 2, 2, 4, 4, 4, 1, -1, -1, 8, 8, 8];

    private GgufMetadata(IReadOnlyList<KeyValuePair<string, byte[]>> entries) => Entries = entries;

    /// <summary>Keys with their raw values (GGUF type tag, then the value), in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, byte[]>> Entries { get; }

    /// <summary>Reads the metadata section of a GGUF file (version 2 or 3).</summary>
    /// <exception cref="InvalidDataException">The file is not GGUF.</exception>
    public static GgufMetadata Read(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        if (reader.ReadUInt32() != Magic)
        {
            throw new InvalidDataException($"'{path}' is not a GGUF file.");
        }

        var version = reader.ReadUInt32();
        if (version is < 2 or > 3)
        {
            throw new InvalidDataException($"'{path}' is GGUF version {version}; versions 2 and 3 are supported.");
        }

        reader.ReadUInt64(); // tensor count
        var count = reader.ReadUInt64();
        var entries = new List<KeyValuePair<string, byte[]>>((int)count);
        for (var i = 0ul; i < count; i++)
        {
            var key = ReadString(reader);
            var start = reader.BaseStream.Position;
            var type = reader.ReadInt32();
            SkipValue(reader, type);
            var length = (int)(reader.BaseStream.Position - start);
            reader.BaseStream.Position = start;
            entries.Add(new(key, reader.ReadBytes(length)));
        }

        return new GgufMetadata(entries);
    }

    /// <summary>The raw value of a key, or null.</summary>
    public byte[]? Find(string key) => Entries.FirstOrDefault(entry => entry.Key == key).Value;

    /// <summary>Element count of an array value (e.g. tokenizer.ggml.tokens), or null when absent or not an array.</summary>
    public long? ArrayLength(string key) =>
        Find(key) is { } raw && BitConverter.ToInt32(raw, 0) == TypeArray ? (long)BitConverter.ToUInt64(raw, 8) : null;

    /// <summary>A string value, or null when absent or of another type.</summary>
    public string? GetString(string key) =>
        Find(key) is { } raw && BitConverter.ToInt32(raw, 0) == TypeString ? Encoding.UTF8.GetString(raw, 12, raw.Length - 12) : null;

    /// <summary>A uint32 value, or null when absent or of another type.</summary>
    public uint? GetUInt32(string key) =>
        Find(key) is { } raw && BitConverter.ToInt32(raw, 0) == TypeUInt32 ? BitConverter.ToUInt32(raw, 4) : null;

    /// <summary>A bool value, or null when absent or of another type.</summary>
    public bool? GetBool(string key) =>
        Find(key) is { } raw && BitConverter.ToInt32(raw, 0) == TypeBool ? raw[4] != 0 : null;

    /// <summary>An array of strings (e.g. tokenizer.ggml.tokens), or null when absent or of another type.</summary>
    public string[]? GetStringArray(string key)
    {
        if (Find(key) is not { } raw || ArrayElementType(raw) != TypeString)
        {
            return null;
        }

        var values = new string[checked((int)BitConverter.ToUInt64(raw, 8))];
        var offset = 16;
        for (var i = 0; i < values.Length; i++)
        {
            var length = checked((int)BitConverter.ToUInt64(raw, offset));
            values[i] = Encoding.UTF8.GetString(raw, offset + 8, length);
            offset += 8 + length;
        }

        return values;
    }

    /// <summary>An array of float32 values (e.g. tokenizer.ggml.scores), or null when absent or of another type.</summary>
    public float[]? GetFloat32Array(string key) => GetFixedArray<float>(key, TypeFloat32);

    /// <summary>An array of int32 values (e.g. tokenizer.ggml.token_type), or null when absent or of another type.</summary>
    public int[]? GetInt32Array(string key) => GetFixedArray<int>(key, TypeInt32);

    /// <summary>An array of bytes (e.g. tokenizer.ggml.precompiled_charsmap), or null when absent or of another type.</summary>
    public byte[]? GetUInt8Array(string key) => GetFixedArray<byte>(key, TypeUInt8);

    private T[]? GetFixedArray<T>(string key, int elementType)
        where T : unmanaged
    {
        if (Find(key) is not { } raw || ArrayElementType(raw) != elementType)
        {
            return null;
        }

        var count = checked((int)BitConverter.ToUInt64(raw, 8));
        return System.Runtime.InteropServices.MemoryMarshal.Cast<byte, T>(raw.AsSpan(16))[..count].ToArray();
    }

    // An array value is laid out as: type tag 9, element type, element count (uint64), elements.
    private static int? ArrayElementType(byte[] raw) =>
        BitConverter.ToInt32(raw, 0) == TypeArray ? BitConverter.ToInt32(raw, 4) : null;

    private static string ReadString(BinaryReader reader) =>
        Encoding.UTF8.GetString(reader.ReadBytes(checked((int)reader.ReadUInt64())));

    private static void SkipValue(BinaryReader reader, int type)
    {
        switch (type)
        {
            case TypeString:
                reader.BaseStream.Seek(checked((long)reader.ReadUInt64()), SeekOrigin.Current);
                break;
            case TypeArray:
                var elementType = reader.ReadInt32();
                var count = reader.ReadUInt64();
                if (elementType is TypeString or TypeArray)
                {
                    for (var i = 0ul; i < count; i++)
                    {
                        SkipValue(reader, elementType);
                    }
                }
                else
                {
                    reader.BaseStream.Seek(checked((long)count * FixedSize(elementType)), SeekOrigin.Current);
                }

                break;
            default:
                reader.BaseStream.Seek(FixedSize(type), SeekOrigin.Current);
                break;
        }
    }

    private static int FixedSize(int type) =>
        type >= 0 && type < FixedSizes.Length && FixedSizes[type] > 0
            ? FixedSizes[type]
            : throw new InvalidDataException($"Unknown GGUF value type {type}.");
}
