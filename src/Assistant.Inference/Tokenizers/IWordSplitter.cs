namespace Assistant.Inference.Tokenizers;

/// <summary>Normalizes text and splits it into the words a WordPiece vocabulary then cuts into pieces.</summary>
internal interface IWordSplitter
{
    void Split(string text, List<string> words);
}
