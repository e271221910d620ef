namespace Assistant.Storage.Vectors;

/// <summary>A segment as one generation sees it: which of its rows are dead at that generation.</summary>
internal sealed record LiveSegment(VectorSegment Segment, DeadRows Dead)
{
    public int LiveRows => Segment.Rows - Dead.Count;
}
