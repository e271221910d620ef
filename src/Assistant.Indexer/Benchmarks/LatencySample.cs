namespace Assistant.Indexer.Benchmarks;

/// <summary>Latencies of repeated operations, summarised by nearest-rank percentiles.</summary>
internal sealed class LatencySample
{
    private readonly List<double> _milliseconds = [];

    public int Count => _milliseconds.Count;

    public void Add(TimeSpan elapsed) => _milliseconds.Add(elapsed.TotalMilliseconds);

    public void Add(LatencySample other) => _milliseconds.AddRange(other._milliseconds);

    public double Percentile(double p)
    {
        if (_milliseconds.Count == 0)
        {
            return double.NaN;
        }

        var sorted = _milliseconds.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
