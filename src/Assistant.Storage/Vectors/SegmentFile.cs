namespace Assistant.Storage.Vectors;

/// <summary>A segment as the manifest lists it: what its file must measure and hash to.</summary>
internal sealed record SegmentFile(string Name, int Rows, long Bytes, ulong Checksum);
