using System.Runtime.InteropServices;
using System.Text;

namespace Assistant.Inference.Onnx.Native;

/// <summary>Null-terminated UTF-8, the string form of the ONNX Runtime C API on Linux.</summary>
internal static unsafe class NativeUtf8
{
    public static byte[] Encode(string text)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(text) + 1];
        Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }

    public static string Decode(byte* text) => text is null ? string.Empty : Marshal.PtrToStringUTF8((nint)text) ?? string.Empty;
}
