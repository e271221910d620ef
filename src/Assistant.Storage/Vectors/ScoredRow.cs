namespace Assistant.Storage.Vectors;

/// <summary>A row of a generation's segment (by index in the generation) with its score.</summary>
internal readonly record struct ScoredRow(int Segment, int Row, float Score);
