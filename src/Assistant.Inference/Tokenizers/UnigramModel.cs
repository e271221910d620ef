using System.Buffers;
using System.Globalization;
using System.Text;

namespace Assistant.Inference.Tokenizers;

/// <summary>
/// A unigram vocabulary (pieces, scores, types) and its Viterbi search over UTF-8 bytes for the segmentation with the
/// highest total score, as llama.cpp's <c>llm_tokenizer_ugm</c> and Hugging Face's Unigram model do it.
/// </summary>
internal sealed class UnigramModel
{
    // Both llama.cpp and Hugging Face score an unknown code point this far below the worst normal piece.
    private const float UnknownPenalty = 10f;

    private readonly string[] pieces;
    private readonly float[] scores;
    private readonly int[] types;
    private readonly ByteTrie trie;
    private readonly double unknownScore;
    private readonly int[]? byteIds;
    private readonly SearchValues<byte>? presentBytes;

    /// <param name="byteFallback">Spell unknown text as &lt;0xXX&gt; byte pieces, when the vocabulary has each of its bytes.</param>
    public UnigramModel(string[] pieces, float[] scores, int[] types, int unknownId, bool byteFallback)
    {
        if (scores.Length != pieces.Length || types.Length != pieces.Length)
        {
            throw new InvalidDataException("The tokenizer's pieces, scores and types differ in length.");
        }

        if ((uint)unknownId >= (uint)pieces.Length)
        {
            throw new InvalidDataException($"The unknown token id {unknownId} is outside the vocabulary of {pieces.Length}.");
        }

        this.pieces = pieces;
        this.scores = scores;
        this.types = types;
        UnknownId = unknownId;

        var entries = new List<(byte[] Key, int Value)>(pieces.Length);
        var minScore = float.MaxValue;
        for (var id = 0; id < pieces.Length; id++)
        {
            if (types[id] == PieceType.Normal)
            {
                minScore = Math.Min(minScore, scores[id]);
            }

            if (types[id] is PieceType.Normal or PieceType.UserDefined or PieceType.Unused)
            {
                entries.Add((Encoding.UTF8.GetBytes(pieces[id]), id));
            }
        }

        trie = ByteTrie.Build(entries);
        unknownScore = minScore - UnknownPenalty;
        if (byteFallback)
        {
            byteIds = FindBytePieces(pieces);
            presentBytes = SearchValues.Create([.. Enumerable.Range(0, 256).Where(value => byteIds[value] >= 0).Select(value => (byte)value)]);
        }
    }

    public int Count => pieces.Length;

    public int UnknownId { get; }

    public string Piece(int id) => pieces[id];

    public int Type(int id) => types[id];

    /// <summary>Pieces of the given type, as UTF-8 keys with their ids (for the normalizer's pass-through of user-defined ones).</summary>
    public List<(byte[] Key, int Value)> PiecesOfType(int type) =>
        [.. Enumerable.Range(0, pieces.Length).Where(id => types[id] == type).Select(id => (Encoding.UTF8.GetBytes(pieces[id]), id))];

    // Viterbi over byte offsets: best[end] is the highest score of any segmentation of text[..end]; a code point no
    // single piece covers may be taken as the unknown token at a penalty, and runs of unknowns collapse into one.
    public void AppendBestPath(ReadOnlySpan<byte> text, List<int> result)
    {
        if (text.IsEmpty)
        {
            return;
        }

        var best = ArrayPool<double>.Shared.Rent(text.Length + 1);
        var from = ArrayPool<int>.Shared.Rent(text.Length + 1);
        var token = ArrayPool<int>.Shared.Rent(text.Length + 1);
        try
        {
            best.AsSpan(0, text.Length + 1).Fill(double.MinValue);
            best[0] = 0;
            for (var start = 0; start < text.Length;)
            {
                var codePointLength = Math.Min(Utf8.SequenceLength(text[start]), text.Length - start);
                var coveredCodePoint = false;
                var node = ByteTrie.Root;
                for (var end = start; end < text.Length && (node = trie.Child(node, text[end])) >= 0; end++)
                {
                    var id = trie.Value(node);
                    if (id < 0)
                    {
                        continue;
                    }

                    coveredCodePoint |= end + 1 - start == codePointLength;
                    Relax(start, end + 1, id, types[id] == PieceType.UserDefined ? 0 : scores[id]);
                }

                if (!coveredCodePoint)
                {
                    Relax(start, start + codePointLength, UnknownId, unknownScore);
                }

                start += codePointLength;
            }

            AppendPath(text, from, token, result);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(best);
            ArrayPool<int>.Shared.Return(from);
            ArrayPool<int>.Shared.Return(token);
        }

        void Relax(int start, int end, int id, double score)
        {
            var candidate = best[start] + score;
            if (candidate > best[end])
            {
                best[end] = candidate;
                from[end] = start;
                token[end] = id;
            }
        }
    }

    // Walks the best path back from the end; a run of unknowns becomes one unknown, or its bytes with byte fallback.
    private void AppendPath(ReadOnlySpan<byte> text, int[] from, int[] token, List<int> result)
    {
        var first = result.Count;
        var unknownEnd = -1;
        for (var end = text.Length; end > 0; end = from[end])
        {
            if (token[end] == UnknownId)
            {
                unknownEnd = unknownEnd < 0 ? end : unknownEnd;
                if (from[end] > 0 && token[from[end]] == UnknownId)
                {
                    continue;
                }

                AppendUnknown(text[from[end]..unknownEnd], result);
                unknownEnd = -1;
                continue;
            }

            result.Add(token[end]);
        }

        result.Reverse(first, result.Count - first);
    }

    // Appended in reverse, as the caller reverses the whole path at the end.
    private void AppendUnknown(ReadOnlySpan<byte> unknown, List<int> result)
    {
        if (byteIds is null || unknown.ContainsAnyExcept(presentBytes!))
        {
            result.Add(UnknownId);
            return;
        }

        for (var i = unknown.Length - 1; i >= 0; i--)
        {
            result.Add(byteIds[unknown[i]]);
        }
    }

    // Id of each byte's <0xXX> piece, or -1.
    private static int[] FindBytePieces(string[] pieces)
    {
        var byPiece = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var id = 0; id < pieces.Length; id++)
        {
            byPiece.TryAdd(pieces[id], id);
        }

        var ids = new int[256];
        for (var value = 0; value < ids.Length; value++)
        {
            ids[value] = byPiece.GetValueOrDefault(string.Create(CultureInfo.InvariantCulture, $"<0x{value:X2}>"), -1);
        }

        return ids;
    }
}
