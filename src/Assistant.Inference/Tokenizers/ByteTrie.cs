namespace Assistant.Inference.Tokenizers;

/// <summary>
/// A read-only trie over UTF-8 keys, stored flat: each node's children sit contiguously and sorted by byte, so a
/// step is a binary search and 250k vocabulary pieces cost a few arrays rather than a dictionary per node.
/// </summary>
internal sealed class ByteTrie
{
    public const int Root = 0;

    private readonly byte[] labels;
    private readonly int[] firstChild;
    private readonly int[] childCount;
    private readonly int[] values;

    private ByteTrie(byte[] labels, int[] firstChild, int[] childCount, int[] values)
    {
        this.labels = labels;
        this.firstChild = firstChild;
        this.childCount = childCount;
        this.values = values;
    }

    /// <summary>Builds the trie; when keys repeat, the later entry wins, as llama.cpp's insert-in-id-order does.</summary>
    public static ByteTrie Build(IReadOnlyList<(byte[] Key, int Value)> entries)
    {
        var order = Enumerable.Range(0, entries.Count).Where(i => entries[i].Key.Length > 0).ToArray();
        Array.Sort(order, (a, b) =>
        {
            var byKey = entries[a].Key.AsSpan().SequenceCompareTo(entries[b].Key);
            return byKey != 0 ? byKey : a.CompareTo(b);
        });

        var labels = new List<byte> { 0 };
        var first = new List<int> { 0 };
        var count = new List<int> { 0 };
        var values = new List<int> { -1 };
        var pending = new Queue<(int Node, int Low, int High, int Depth)>();
        pending.Enqueue((Root, 0, order.Length, 0));
        while (pending.TryDequeue(out var item))
        {
            var (node, i, high, depth) = item;
            for (; i < high && entries[order[i]].Key.Length == depth; i++)
            {
                values[node] = entries[order[i]].Value;
            }

            first[node] = labels.Count;
            while (i < high)
            {
                var label = entries[order[i]].Key[depth];
                var j = i + 1;
                while (j < high && entries[order[j]].Key[depth] == label)
                {
                    j++;
                }

                pending.Enqueue((labels.Count, i, j, depth + 1));
                labels.Add(label);
                first.Add(0);
                count.Add(0);
                values.Add(-1);
                i = j;
            }

            count[node] = labels.Count - first[node];
        }

        return new ByteTrie([.. labels], [.. first], [.. count], [.. values]);
    }

    /// <summary>The child of <paramref name="node"/> along <paramref name="label"/>, or -1.</summary>
    public int Child(int node, byte label)
    {
        var index = labels.AsSpan(firstChild[node], childCount[node]).BinarySearch(label);
        return index >= 0 ? firstChild[node] + index : -1;
    }

    /// <summary>The value stored at a node, or -1 when no key ends there.</summary>
    public int Value(int node) => values[node];
}
