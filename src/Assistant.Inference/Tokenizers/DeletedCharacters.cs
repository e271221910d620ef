using System.Buffers;
using System.Text;

namespace Assistant.Inference.Tokenizers;

/// <summary>
/// The code points a precompiled charsmap deletes (maps to nothing): control and format characters such as U+0001.
/// Microsoft.ML.Tokenizers 3.0.0 reads an empty replacement as "no rule" and keeps such a character, which then
/// becomes an unknown token, where SentencePiece and llama.cpp drop it; removing them before the package normalizes
/// gives llama.cpp's ids.
/// </summary>
internal sealed class DeletedCharacters
{
    private readonly HashSet<int> codePoints;
    private readonly SearchValues<char> firstChars;

    private DeletedCharacters(HashSet<int> codePoints)
    {
        this.codePoints = codePoints;
        firstChars = SearchValues.Create([.. codePoints.Select(codePoint => new Rune(codePoint).ToString()[0]).Distinct()]);
    }

    /// <summary>The code points <paramref name="charsMap"/> maps to nothing; null when there are none.</summary>
    public static DeletedCharacters? Find(PrecompiledCharsMap charsMap)
    {
        var deleted = new HashSet<int>();
        Span<byte> utf8 = stackalloc byte[4];
        for (var codePoint = 0; codePoint <= 0x10FFFF; codePoint++)
        {
            if (!Rune.IsValid(codePoint))
            {
                continue;
            }

            var length = new Rune(codePoint).EncodeToUtf8(utf8);
            if (charsMap.MatchPrefix(utf8[..length], out var replacement) == length && replacement.IsEmpty)
            {
                deleted.Add(codePoint);
            }
        }

        return deleted.Count > 0 ? new DeletedCharacters(deleted) : null;
    }

    /// <summary>The text without the deleted code points (the same string when it has none); lone surrogates stay.</summary>
    public string Remove(string text)
    {
        var first = text.AsSpan().IndexOfAny(firstChars);
        if (first < 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        result.Append(text, 0, first);
        for (var i = first; i < text.Length;)
        {
            var length = Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var consumed) == OperationStatus.Done && codePoints.Contains(rune.Value) ? 0 : consumed;
            result.Append(text, i, length);
            i += consumed;
        }

        return result.ToString();
    }
}
