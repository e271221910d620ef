using System.Text;

namespace Assistant.Inference.Llama;

/// <summary>
/// Turns generated token bytes into text: a token may end inside a multi-byte UTF-8 character, and text that
/// might begin a stop sequence is held back until it is known not to.
/// </summary>
internal sealed class TextStream(IReadOnlyList<string> stopSequences)
{
    private readonly Decoder decoder = new UTF8Encoding(false).GetDecoder();
    private readonly StringBuilder held = new();
    private char[] chars = new char[64];

    /// <summary>True once a stop sequence has been seen; nothing after it is emitted.</summary>
    public bool Stopped { get; private set; }

    /// <summary>Adds one token's bytes and returns the text that can be emitted now.</summary>
    public string Append(ReadOnlySpan<byte> bytes)
    {
        var needed = decoder.GetCharCount(bytes, flush: false);
        if (needed > chars.Length)
        {
            chars = new char[Math.Max(needed, chars.Length * 2)];
        }

        var count = decoder.GetChars(bytes, chars, flush: false);
        held.Append(chars, 0, count);
        return Release();
    }

    /// <summary>Returns whatever is still held once generation has ended.</summary>
    public string Flush()
    {
        if (Stopped)
        {
            return string.Empty;
        }

        var tail = decoder.GetCharCount([], flush: true);
        if (tail > 0)
        {
            var rest = new char[tail];
            decoder.GetChars([], rest, flush: true);
            held.Append(rest);
        }

        var text = held.ToString();
        held.Clear();
        return text;
    }

    private string Release()
    {
        var text = held.ToString();
        var stopAt = -1;
        foreach (var stop in stopSequences)
        {
            var at = text.IndexOf(stop, StringComparison.Ordinal);
            if (at >= 0 && (stopAt < 0 || at < stopAt))
            {
                stopAt = at;
            }
        }

        if (stopAt >= 0)
        {
            Stopped = true;
            held.Clear();
            return text[..stopAt];
        }

        var keep = HeldSuffixLength(text);
        held.Remove(0, text.Length - keep);
        return text[..^keep];
    }

    // The longest tail of the text that is a proper prefix of a stop sequence.
    private int HeldSuffixLength(string text)
    {
        var longest = 0;
        foreach (var stop in stopSequences)
        {
            for (var length = Math.Min(stop.Length - 1, text.Length); length > longest; length--)
            {
                if (text.AsSpan(text.Length - length).SequenceEqual(stop.AsSpan(0, length)))
                {
                    longest = length;
                    break;
                }
            }
        }

        return longest;
    }
}
