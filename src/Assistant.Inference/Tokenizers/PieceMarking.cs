namespace Assistant.Inference.Tokenizers;

/// <summary>How a WordPiece vocabulary tells word-initial pieces from continuations.</summary>
internal enum PieceMarking
{
    /// <summary>GGUF (llama.cpp): word-initial pieces start with U+2581, continuations are bare.</summary>
    WordInitialPrefix,

    /// <summary>Hugging Face: word-initial pieces are bare, continuations start with a prefix (usually "##").</summary>
    ContinuationPrefix,
}
