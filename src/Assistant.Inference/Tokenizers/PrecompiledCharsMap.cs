using System.Runtime.InteropServices;

namespace Assistant.Inference.Tokenizers;

/// <summary>
/// SentencePiece's precompiled normalization map (NFKC plus its own rules): an XOR-compressed compact double array
/// (XCDA) over UTF-8 prefixes whose leaves point into a block of NUL-terminated replacement strings.
/// </summary>
internal sealed class PrecompiledCharsMap
{
    private readonly uint[] nodes;
    private readonly byte[] replacements;

    private PrecompiledCharsMap(uint[] nodes, byte[] replacements)
    {
        this.nodes = nodes;
        this.replacements = replacements;
    }

    /// <summary>Parses tokenizer.ggml.precompiled_charsmap: uint32 blob size, the XCDA blob, then replacements.</summary>
    public static PrecompiledCharsMap Parse(byte[] blob)
    {
        var size = BitConverter.ToUInt32(blob, 0);
        if (size % 4 != 0 || 4L + size >= blob.Length)
        {
            throw new InvalidDataException("The precompiled charsmap is malformed.");
        }

        var nodes = MemoryMarshal.Cast<byte, uint>(blob.AsSpan(4, (int)size)).ToArray();
        return new PrecompiledCharsMap(nodes, blob[(4 + (int)size)..]);
    }

    /// <summary>
    /// The length of the longest prefix of <paramref name="input"/> the map rewrites (0 when none) and its replacement.
    /// </summary>
    public int MatchPrefix(ReadOnlySpan<byte> input, out ReadOnlySpan<byte> replacement)
    {
        replacement = default;
        var matched = 0;
        var replacementOffset = 0;
        var node = Base(0);
        for (var i = 0; i < input.Length && input[i] != 0; i++)
        {
            var c = input[i];
            node ^= c;
            if (node >= nodes.Length || (nodes[node] & 0x800000FFu) != c)
            {
                break;
            }

            var isLeaf = ((nodes[node] >> 8) & 1) != 0;
            node ^= Base(node);
            if (isLeaf && node < nodes.Length)
            {
                matched = i + 1;
                replacementOffset = (int)(nodes[node] & 0x7FFFFFFFu);
            }
        }

        if (matched > 0)
        {
            if (replacementOffset >= replacements.Length)
            {
                throw new InvalidDataException("The precompiled charsmap points past its replacements.");
            }

            var tail = replacements.AsSpan(replacementOffset);
            var end = tail.IndexOf((byte)0);
            replacement = end >= 0 ? tail[..end] : tail;
        }

        return matched;
    }

    private uint Base(uint index) => (nodes[index] >> 10) << (int)((nodes[index] & (1u << 9)) >> 6);
}
