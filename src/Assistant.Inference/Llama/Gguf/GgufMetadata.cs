using System.Text;

namespace Assistant.Inference.Llama.Gguf;

/// <summary>
/// The key/value metadata of a GGUF file, each value kept as its raw encoding (type tag and payload) so it can be
/// copied into another file unchanged, e.g. a tokenizer from a vocab-only GGUF.
/// </summary>
public sealed class GgufMetadata
{
    internal const uint Magic = 0x46554747; // "GGUF" little-endian
    internal const int TypeUInt32 = 4;
    internal const int TypeFloat32 = 6;
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
