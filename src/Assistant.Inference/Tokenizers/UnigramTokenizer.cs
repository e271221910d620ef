using System.Buffers;
using System.Text;
using Assistant.Inference.Llama.Gguf;

namespace Assistant.Inference.Tokenizers;

/// <summary>
/// SentencePiece unigram (UGM) tokenizer of the XLM-RoBERTa family (multilingual-e5, BGE-M3, nomic xlm), read from a
/// GGUF vocabulary and matching llama.cpp's <c>llm_tokenizer_ugm</c>: precompiled-charsmap normalization, spaces
/// escaped to U+2581, then a Viterbi search over UTF-8 bytes for the pieces with the highest total score.
/// </summary>
public sealed class UnigramTokenizer : ITextTokenizer
{
    private const int Normal = 1;
    private const int UserDefined = 4;
    private const int Unused = 5;

    // llama.cpp scores an unknown code point this far below the worst normal piece.
    private const float UnknownPenalty = 10f;

    private static readonly byte[] EscapedSpace = "\u2581"u8.ToArray();
    private static readonly byte[] ReplacementCharacter = "\uFFFD"u8.ToArray();

    private readonly string[] pieces;
    private readonly float[] scores;
    private readonly int[] types;
    private readonly ByteTrie trie;
    private readonly ByteTrie? userDefined;
    private readonly PrecompiledCharsMap? charsMap;
    private readonly double unknownScore;
    private readonly int unknownId;
    private readonly int? bosId;
    private readonly int? eosId;
    private readonly int paddingId;
    private readonly bool addSpacePrefix;
    private readonly bool removeExtraWhitespaces;

    private UnigramTokenizer(GgufMetadata metadata)
    {
        pieces = metadata.GetStringArray("tokenizer.ggml.tokens")
            ?? throw new InvalidDataException("The GGUF file has no tokenizer.ggml.tokens.");
        scores = metadata.GetFloat32Array("tokenizer.ggml.scores") ?? new float[pieces.Length];
        types = metadata.GetInt32Array("tokenizer.ggml.token_type") ?? Enumerable.Repeat(Normal, pieces.Length).ToArray();
        if (scores.Length != pieces.Length || types.Length != pieces.Length)
        {
            throw new InvalidDataException("The GGUF tokenizer arrays differ in length.");
        }

        var entries = new List<(byte[] Key, int Value)>(pieces.Length);
        var userEntries = new List<(byte[] Key, int Value)>();
        var minScore = float.MaxValue;
        for (var id = 0; id < pieces.Length; id++)
        {
            if (types[id] == Normal)
            {
                minScore = Math.Min(minScore, scores[id]);
            }

            if (types[id] is Normal or UserDefined or Unused)
            {
                entries.Add((Encoding.UTF8.GetBytes(pieces[id]), id));
            }

            if (types[id] == UserDefined)
            {
                userEntries.Add((Encoding.UTF8.GetBytes(pieces[id]), id));
            }
        }

        trie = ByteTrie.Build(entries);
        userDefined = userEntries.Count > 0 ? ByteTrie.Build(userEntries) : null;
        charsMap = metadata.GetUInt8Array("tokenizer.ggml.precompiled_charsmap") is { Length: > 0 } blob
            ? PrecompiledCharsMap.Parse(blob)
            : null;
        unknownScore = minScore - UnknownPenalty;
        unknownId = (int)(metadata.GetUInt32("tokenizer.ggml.unknown_token_id") ?? 0);
        bosId = metadata.GetBool("tokenizer.ggml.add_bos_token") == false ? null : (int?)metadata.GetUInt32("tokenizer.ggml.bos_token_id");
        eosId = metadata.GetBool("tokenizer.ggml.add_eos_token") == true ? (int?)metadata.GetUInt32("tokenizer.ggml.eos_token_id") : null;
        paddingId = (int)(metadata.GetUInt32("tokenizer.ggml.padding_token_id") ?? (uint)unknownId);
        addSpacePrefix = metadata.GetBool("tokenizer.ggml.add_space_prefix") ?? true;
        removeExtraWhitespaces = metadata.GetBool("tokenizer.ggml.remove_extra_whitespaces") ?? false;
    }

    /// <summary>Number of pieces in the vocabulary, special ones included.</summary>
    public int VocabularySize => pieces.Length;

    public SpecialTokens Special => new(bosId, eosId, paddingId, unknownId);

    /// <summary>Loads the tokenizer from a GGUF file (a vocab-only one is enough).</summary>
    /// <exception cref="InvalidDataException">The file is not GGUF or has no unigram vocabulary.</exception>
    public static UnigramTokenizer FromGguf(string path)
    {
        var metadata = GgufMetadata.Read(path);
        var model = metadata.GetString("tokenizer.ggml.model");
        return model == "t5"
            ? new UnigramTokenizer(metadata)
            : throw new InvalidDataException($"'{path}' has tokenizer model '{model}', not a unigram ('t5') one.");
    }

    /// <summary>Splits text into piece ids.</summary>
    /// <param name="addSpecialTokens">Wrap the pieces in BOS/EOS as the vocabulary asks, like llama.cpp's add_special.</param>
    public IReadOnlyList<int> Encode(string text, bool addSpecialTokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<int>();
        if (addSpecialTokens && bosId is { } bos)
        {
            result.Add(bos);
        }

        var input = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        var normalized = new ByteBuffer(input.Length * 3);
        try
        {
            var length = Encoding.UTF8.GetBytes(text, input);
            Normalize(input.AsSpan(0, length), ref normalized);
            AppendBestPath(normalized.Written, result);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(input);
            normalized.Dispose();
        }

        if (addSpecialTokens && eosId is { } eos)
        {
            result.Add(eos);
        }

        return result;
    }

    /// <summary>
    /// Joins piece ids back into text: U+2581 becomes a space, control and unknown tokens vanish (as in llama.cpp's
    /// detokenize without rendering special tokens), and the space prefix added by <see cref="Encode"/> is dropped.
    /// </summary>
    public string Decode(IReadOnlyList<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var text = new StringBuilder();
        var stripSpace = addSpacePrefix;
        foreach (var id in ids)
        {
            if ((uint)id >= (uint)pieces.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(ids), id, "The id is outside the vocabulary.");
            }

            var piece = types[id] switch
            {
                Normal => pieces[id].Replace('\u2581', ' '),
                UserDefined => pieces[id],
                _ => null,
            };
            if (piece is null)
            {
                continue;
            }

            text.Append(stripSpace && piece.StartsWith(' ') ? piece.AsSpan(1) : piece);
            stripSpace = false;
        }

        return text.ToString();
    }

    // llama.cpp's normalize(): each input prefix is replaced by the charsmap (user-defined pieces pass through), and
    // spaces are escaped; with remove_extra_whitespaces every run of spaces before non-space text becomes one U+2581
    // (the first one too, so the prefix is there regardless) and trailing spaces go.
    private void Normalize(ReadOnlySpan<byte> input, ref ByteBuffer output)
    {
        var spacePrepended = false;
        var inWord = false;
        for (var offset = 0; offset < input.Length;)
        {
            var consumed = NormalizePrefix(input[offset..], out var replacement);
            foreach (var c in replacement)
            {
                if (c != (byte)' ')
                {
                    if (!inWord)
                    {
                        inWord = true;
                        if ((addSpacePrefix && !spacePrepended) || removeExtraWhitespaces)
                        {
                            output.Append(EscapedSpace);
                            spacePrepended = true;
                        }
                    }

                    output.Append(c);
                }
                else
                {
                    inWord = false;
                    if (!removeExtraWhitespaces)
                    {
                        output.Append(EscapedSpace);
                    }
                }
            }

            offset += consumed;
        }
    }

    private int NormalizePrefix(ReadOnlySpan<byte> input, out ReadOnlySpan<byte> replacement)
    {
        if (userDefined is not null && LongestMatch(userDefined, input) is > 0 and var userLength)
        {
            replacement = input[..userLength];
            return userLength;
        }

        if (charsMap is not null && charsMap.MatchPrefix(input, out replacement) is > 0 and var mapped)
        {
            return mapped;
        }

        // The input came from a .NET string, so it is valid UTF-8; a stray continuation byte is still guarded.
        var length = Utf8Length(input[0]);
        if (length > input.Length || (input[0] & 0xC0) == 0x80)
        {
            replacement = ReplacementCharacter;
            return 1;
        }

        replacement = input[..length];
        return length;
    }

    private static int LongestMatch(ByteTrie matcher, ReadOnlySpan<byte> input)
    {
        var longest = 0;
        var node = ByteTrie.Root;
        for (var i = 0; i < input.Length && (node = matcher.Child(node, input[i])) >= 0; i++)
        {
            if (matcher.Value(node) >= 0)
            {
                longest = i + 1;
            }
        }

        return longest;
    }

    // Viterbi over byte offsets: best[end] is the highest score of any segmentation of text[..end]; a code point no
    // single piece covers may be taken as the unknown token at a penalty, and runs of unknowns collapse into one.
    private void AppendBestPath(ReadOnlySpan<byte> text, List<int> result)
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
                var codePointLength = Math.Min(Utf8Length(text[start]), text.Length - start);
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
                    Relax(start, end + 1, id, types[id] == UserDefined ? 0 : scores[id]);
                }

                if (!coveredCodePoint)
                {
                    Relax(start, start + codePointLength, unknownId, unknownScore);
                }

                start += codePointLength;
            }

            var first = result.Count;
            var previousUnknown = false;
            for (var end = text.Length; end > 0; end = from[end])
            {
                var isUnknown = token[end] == unknownId;
                if (!(previousUnknown && isUnknown))
                {
                    result.Add(token[end]);
                }

                previousUnknown = isUnknown;
            }

            result.Reverse(first, result.Count - first);
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

    private static int Utf8Length(byte lead) => lead switch
    {
        < 0xC0 => 1,
        < 0xE0 => 2,
        < 0xF0 => 3,
        _ => 4,
    };

    /// <summary>A growable byte buffer over pooled arrays, so encoding allocates little beyond its result.</summary>
    private struct ByteBuffer(int capacity) : IDisposable
    {
        private byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 16));
        private int length;

        public readonly ReadOnlySpan<byte> Written => buffer.AsSpan(0, length);

        public void Append(byte value)
        {
            Reserve(1);
            buffer[length++] = value;
        }

        public void Append(ReadOnlySpan<byte> values)
        {
            Reserve(values.Length);
            values.CopyTo(buffer.AsSpan(length));
            length += values.Length;
        }

        public readonly void Dispose() => ArrayPool<byte>.Shared.Return(buffer);

        private void Reserve(int extra)
        {
            if (length + extra <= buffer.Length)
            {
                return;
            }

            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, length + extra));
            buffer.AsSpan(0, length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }
    }
}
