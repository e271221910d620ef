using System.Buffers;
using System.Text;

namespace Assistant.Inference.Tokenizers;

/// <summary>
/// llama.cpp's unigram <c>normalize()</c>: each input prefix is replaced by the precompiled charsmap (user-defined
/// pieces pass through), spaces are escaped to U+2581, and the whole text is one segment.
/// </summary>
internal sealed class SentencePieceNormalizer(
    PrecompiledCharsMap? charsMap,
    ByteTrie? userDefined,
    bool addSpacePrefix,
    bool removeExtraWhitespaces) : IUnigramPreTokenizer
{
    private static readonly byte[] EscapedSpace = "\u2581"u8.ToArray();
    private static readonly byte[] ReplacementCharacter = "\uFFFD"u8.ToArray();

    public void Prepare(string text, ref ByteBuffer output, List<int> segmentEnds)
    {
        var input = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, input);
            Normalize(input.AsSpan(0, length), ref output);
            segmentEnds.Add(output.Length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(input);
        }
    }

    // With remove_extra_whitespaces every run of spaces before non-space text becomes one U+2581 (the first one too,
    // so the prefix is there regardless) and trailing spaces go; otherwise the prefix goes before the first non-space.
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
        var length = Utf8.SequenceLength(input[0]);
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
}
