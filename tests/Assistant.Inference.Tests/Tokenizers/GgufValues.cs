using System.Text;

namespace Assistant.Inference.Tests.Tokenizers;

/// <summary>Raw GGUF value encodings (type tag, then payload) for the arrays and bools GgufWriter.AddRaw takes.</summary>
internal static class GgufValues
{
    private const int TypeInt32 = 5;
    private const int TypeFloat32 = 6;
    private const int TypeBool = 7;
    private const int TypeString = 8;
    private const int TypeArray = 9;

    public static byte[] Bool(bool value) => [.. BitConverter.GetBytes(TypeBool), value ? (byte)1 : (byte)0];

    public static byte[] Strings(IReadOnlyList<string> values)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        WriteArrayHeader(writer, TypeString, values.Count);
        foreach (var value in values)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            writer.Write((ulong)bytes.Length);
            writer.Write(bytes);
        }

        writer.Flush();
        return stream.ToArray();
    }

    public static byte[] Int32s(IReadOnlyList<int> values)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        WriteArrayHeader(writer, TypeInt32, values.Count);
        foreach (var value in values)
        {
            writer.Write(value);
        }

        writer.Flush();
        return stream.ToArray();
    }

    public static byte[] Float32s(IReadOnlyList<float> values)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        WriteArrayHeader(writer, TypeFloat32, values.Count);
        foreach (var value in values)
        {
            writer.Write(value);
        }

        writer.Flush();
        return stream.ToArray();
    }

    private static void WriteArrayHeader(BinaryWriter writer, int elementType, int count)
    {
        writer.Write(TypeArray);
        writer.Write(elementType);
        writer.Write((ulong)count);
    }
}
