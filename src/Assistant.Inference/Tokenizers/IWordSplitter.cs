namespace Assistant.Inference.Tokenizers;

/// <summary>Normalizes text and splits it into the words a WordPiece vocabulary then cuts into pieces.</summary>
internal interface IWordSplitter
{
    /// <summary>Writes the words' UTF-8 bytes to <paramref name="output"/> back to back, and the end offset of each.</summary>
    void Split(string text, ref ByteBuffer output, List<int> wordEnds);
}
