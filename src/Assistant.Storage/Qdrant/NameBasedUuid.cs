using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Assistant.Storage.Qdrant;

/// <summary>Name-based UUIDs, version 5 (RFC 9562 §5.5): the same namespace and name always give the same UUID.</summary>
internal static class NameBasedUuid
{
    public static Guid Version5(Guid nameSpace, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var length = 16 + Encoding.UTF8.GetByteCount(name);
        var input = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            nameSpace.TryWriteBytes(input, bigEndian: true, out _);
            Encoding.UTF8.GetBytes(name, input.AsSpan(16));
            Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // RFC 9562 defines version 5 with SHA-1; the id names a point, it protects nothing.
            SHA1.HashData(input.AsSpan(0, length), hash);
#pragma warning restore CA5350
            hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
            hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
            return new Guid(hash[..16], bigEndian: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(input);
        }
    }
}
