using DiffPlex;
using DiffPlex.Chunkers;

namespace Assistant.Core.Changes;

/// <summary>Word-level differences between two texts of a norm, as a reader of a redline sees them.</summary>
public static class Redline
{
    private static readonly Differ Differ = new();

    // Words and the spacing or punctuation after them stay together, so a change reads «слова» → «словами».
    private static readonly DelimiterChunker WordChunker = new([' ', '\n', '\t']);

    /// <summary>The segments that turn <paramref name="before"/> into <paramref name="after"/>, in reading order.</summary>
    public static IReadOnlyList<RedlineSegment> Between(string before, string after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var diff = Differ.CreateDiffs(before, after, ignoreWhiteSpace: false, ignoreCase: false, WordChunker);
        var segments = new List<RedlineSegment>();
        var oldPosition = 0;
        foreach (var block in diff.DiffBlocks)
        {
            Add(segments, RedlineKind.Kept, diff.PiecesOld, oldPosition, block.DeleteStartA - oldPosition);
            Add(segments, RedlineKind.Deleted, diff.PiecesOld, block.DeleteStartA, block.DeleteCountA);
            Add(segments, RedlineKind.Inserted, diff.PiecesNew, block.InsertStartB, block.InsertCountB);
            oldPosition = block.DeleteStartA + block.DeleteCountA;
        }

        Add(segments, RedlineKind.Kept, diff.PiecesOld, oldPosition, diff.PiecesOld.Count - oldPosition);
        return segments;
    }

    /// <summary>
    /// The redline as plain text in wdiff's marks, «[-old-]{+new+}»; <paramref name="kept"/> may shorten the kept
    /// stretches (by default they are written whole).
    /// </summary>
    public static string Marked(IEnumerable<RedlineSegment> segments, Func<string, string>? kept = null)
    {
        ArgumentNullException.ThrowIfNull(segments);
        return string.Concat(segments.Select(segment => segment.Kind switch
        {
            RedlineKind.Deleted => "[-" + segment.Text + "-]",
            RedlineKind.Inserted => "{+" + segment.Text + "+}",
            _ => kept is null ? segment.Text : kept(segment.Text),
        }));
    }

    private static void Add(List<RedlineSegment> segments, RedlineKind kind, IReadOnlyList<string> pieces, int start, int count)
    {
        if (count <= 0)
        {
            return;
        }

        var text = string.Concat(pieces.Skip(start).Take(count));
        if (segments.Count > 0 && segments[^1].Kind == kind)
        {
            segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
        }
        else
        {
            segments.Add(new RedlineSegment(kind, text));
        }
    }
}
