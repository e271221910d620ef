using System.Runtime.InteropServices;
using Assistant.Core.Vectors;

namespace Assistant.Storage.Vectors;

/// <summary>Points of one upsert as segment rows: checked against the index's shape, the last of a repeated key kept.</summary>
internal sealed class PointRows : ISegmentRows
{
    private readonly List<VectorPoint> _points;
    private readonly List<string> _keys;
    private readonly VectorElementType _elementType;

    private PointRows(List<VectorPoint> points, List<string> keys, VectorElementType elementType)
    {
        _points = points;
        _keys = keys;
        _elementType = elementType;
    }

    public int Count => _points.Count;

    public IReadOnlyCollection<string> DeletedKeys => [];

    /// <exception cref="ArgumentException">A point has a vector of other dimensions or with a non-finite value.</exception>
    public static PointRows Create(IReadOnlyList<VectorPoint> points, IndexManifest manifest)
    {
        var positions = new Dictionary<string, int>(points.Count, StringComparer.Ordinal);
        var kept = new List<VectorPoint>(points.Count);
        var keys = new List<string>(points.Count);
        foreach (var point in points)
        {
            ArgumentNullException.ThrowIfNull(point, nameof(points));
            ArgumentNullException.ThrowIfNull(point.Payload, nameof(points));
            var key = point.Key.ToString();
            if (point.Dense.Length != manifest.Dimensions)
            {
                throw new ArgumentException(
                    $"Point {key} has a {point.Dense.Length}-dimension vector; the index holds {manifest.Dimensions}-dimension vectors of '{manifest.Model}'.",
                    nameof(points));
            }

            foreach (var value in point.Dense.Span)
            {
                if (!float.IsFinite(value))
                {
                    throw new ArgumentException($"Point {key} has a vector with a non-finite value ({value}).", nameof(points));
                }
            }

            if (positions.TryGetValue(key, out var position))
            {
                kept[position] = point;
            }
            else
            {
                positions.Add(key, kept.Count);
                kept.Add(point);
                keys.Add(key);
            }
        }

        return new PointRows(kept, keys, manifest.ElementType);
    }

    public float WriteVector(int row, Span<byte> destination)
    {
        var dense = _points[row].Dense.Span;
        if (_elementType == VectorElementType.Int8)
        {
            return Int8Quantizer.Quantize(dense, MemoryMarshal.Cast<byte, sbyte>(destination));
        }

        MemoryMarshal.AsBytes(dense).CopyTo(destination);
        return 1;
    }

    public RowFacts Facts(int row) => RowFacts.From(_points[row].Key, _points[row].Payload);

    public string ActId(int row) => _points[row].Payload.ActId;

    public string Key(int row) => _keys[row];

    public string ContentHash(int row) => _points[row].Payload.ContentHash;
}
