namespace Assistant.Storage.Vectors;

/// <summary>The best <c>capacity</c> rows seen so far: a min-heap on score, so a row that does not qualify costs one comparison.</summary>
internal sealed class TopRows
{
    private readonly float[] _scores;
    private readonly ScoredRow[] _rows;

    public TopRows(int capacity)
    {
        _scores = new float[capacity];
        _rows = new ScoredRow[capacity];
    }

    public int Count { get; private set; }

    /// <summary>The score a row must beat to enter.</summary>
    public float Threshold => Count < _scores.Length ? float.NegativeInfinity : _scores[0];

    public void Offer(float score, int segment, int row)
    {
        if (Count < _scores.Length)
        {
            var i = Count++;
            while (i > 0)
            {
                var parent = (i - 1) >> 1;
                if (_scores[parent] <= score)
                {
                    break;
                }

                _scores[i] = _scores[parent];
                _rows[i] = _rows[parent];
                i = parent;
            }

            _scores[i] = score;
            _rows[i] = new ScoredRow(segment, row, score);
        }
        else if (score > _scores[0])
        {
            SiftDown(score, new ScoredRow(segment, row, score));
        }
    }

    public void AddAll(TopRows other)
    {
        for (var i = 0; i < other.Count; i++)
        {
            Offer(other._scores[i], other._rows[i].Segment, other._rows[i].Row);
        }
    }

    public ScoredRow[] ToArray() => _rows.AsSpan(0, Count).ToArray();

    private void SiftDown(float score, ScoredRow entry)
    {
        var i = 0;
        while (true)
        {
            var child = (2 * i) + 1;
            if (child >= Count)
            {
                break;
            }

            if (child + 1 < Count && _scores[child + 1] < _scores[child])
            {
                child++;
            }

            if (_scores[child] >= score)
            {
                break;
            }

            _scores[i] = _scores[child];
            _rows[i] = _rows[child];
            i = child;
        }

        _scores[i] = score;
        _rows[i] = entry;
    }
}
