namespace Assistant.Inference.Tokenizers;

/// <summary>
/// Turns text into what a unigram model searches: normalized UTF-8 with spaces escaped to U+2581, cut into segments
/// that are tokenized independently (one segment for llama.cpp, one per pre-token for Hugging Face pipelines).
/// </summary>
internal interface IUnigramPreTokenizer
{
    /// <summary>Writes the normalized bytes to <paramref name="output"/> and the end offset of each segment.</summary>
    void Prepare(string text, ref ByteBuffer output, List<int> segmentEnds);
}
