namespace Assistant.Storage.Vectors;

/// <summary>Where a key's live row is.</summary>
internal readonly record struct RowLocation(VectorSegment Segment, int Row);
