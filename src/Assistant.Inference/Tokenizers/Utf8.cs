namespace Assistant.Inference.Tokenizers;

/// <summary>UTF-8 facts the tokenizers' byte-level loops need.</summary>
internal static class Utf8
{
    /// <summary>Bytes in the sequence a lead byte starts (1 for a stray continuation byte, as llama.cpp counts it).</summary>
    public static int SequenceLength(byte lead) => lead switch
    {
        < 0xC0 => 1,
        < 0xE0 => 2,
        < 0xF0 => 3,
        _ => 4,
    };
}
