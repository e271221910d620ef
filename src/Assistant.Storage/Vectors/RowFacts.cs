using System.Runtime.InteropServices;
using Assistant.Core.Vectors;

namespace Assistant.Storage.Vectors;

/// <summary>The filterable payload of one row, as stored in a segment's facts column (4 bytes).</summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
internal readonly record struct RowFacts(byte Kind, byte ActStatus, byte NormStatus, byte Language)
{
    public static RowFacts From(VectorKey key, VectorPayload payload) =>
        new((byte)payload.Kind, (byte)payload.ActStatus, (byte)payload.NormStatus, (byte)key.Language);

    /// <summary>As lexical search: the norm is not excluded and its act is in force or of unknown status.</summary>
    public bool InForce =>
        NormStatus == (byte)Core.Norms.NormStatus.Active
        && ActStatus is (byte)Core.Acts.ActStatus.InForce or (byte)Core.Acts.ActStatus.Unknown;
}
